package org.gridfleet.aggregator.markets;

import org.gridfleet.market.Obligation;

/**
 * How a finished regulation delivery performed, for its settlement: the live loop implements it from its
 * delivery log (PJM Manual 12 composite score, MARKET-RULES.md §1.3). FCR settles without a score.
 */
@FunctionalInterface
public interface DeliveryScores {

    /**
     * @param score hourly composite performance score, 0..1
     * @param mileageRatio product mileage over the reference (RegA) mileage, &ge; 0
     */
    record DeliveryScore(double score, double mileageRatio) {

        public DeliveryScore {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be in [0, 1], but was " + score);
            }
            if (!(mileageRatio >= 0 && Double.isFinite(mileageRatio))) {
                throw new IllegalArgumentException("mileageRatio must be >= 0, but was " + mileageRatio);
            }
        }
    }

    /** Called on the desk's worker thread once the obligation's period has ended. */
    DeliveryScore scoreOf(Obligation delivered);
}
