package org.gridfleet.market.regulation;

import org.gridfleet.market.Award;
import java.time.Instant;
import org.gridfleet.market.Checks;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.Settlement;

/**
 * PJM Manual 28 regulation credits for one hour (MARKET-RULES.md §1.4):
 * <pre>
 * capability credit  = RegMW·h × score × RMCCP
 * performance credit = RegMW·h × score × mileageRatio × RMPCP
 * </pre>
 * with {@code RegMW·h = awardedKw / 1000 × hours} and the actual hourly score. An hour scoring below
 * {@link ScoringConfig#minimumCreditScore()} earns nothing. Lost-opportunity credits (generators) and the
 * ER19-1651 RegD adjustments are not modelled.
 */
public final class RegulationSettlement {

    private final double minimumCreditScore;

    /** Settles with the config's minimum credit score. */
    public RegulationSettlement(ScoringConfig config) {
        this.minimumCreditScore = config.minimumCreditScore();
    }

    /**
     * @param award the award (kW, period, clearing prices RMCCP currency/(MW·h) and RMPCP currency/ΔMW)
     * @param score the actual composite score of the period, 0..1
     * @param mileageRatio the period's mileage ratio (1 for RegA), &ge; 0
     * @return the credits
     * @throws IllegalArgumentException if score or mileageRatio is out of range
     */
    public Settlement credits(Award award, double score, double mileageRatio) {
        Checks.requireRange("score", score, 0, 1);
        Checks.requireNonNegative("mileageRatio", mileageRatio);
        if (score < minimumCreditScore) {
            return new Settlement(score, 0, 0);
        }
        double regMwh = award.awardedKw() / 1000.0 * award.period().length().toNanos() / 3.6e12;
        return new Settlement(score, regMwh * score * award.capabilityClearingPricePerMwh(),
                regMwh * score * mileageRatio * award.performanceClearingPricePerMw());
    }

    /**
     * Closes a delivering regulation obligation: SETTLED with its credits when the score earns credit, otherwise
     * FAILED with the reason.
     *
     * @param delivering the obligation, in state DELIVERING
     * @param score the actual composite score of its period
     * @param mileageRatio the period's mileage ratio (1 for RegA)
     * @param at when the settlement is made, at or after the end of the period
     * @throws org.gridfleet.market.IllegalObligationTransitionException if the obligation is not DELIVERING
     */
    public Obligation settle(Obligation delivering, double score, double mileageRatio, Instant at) {
        if (!earnsCredit(score)) {
            return delivering.fail("score " + score + " is below the minimum credit score " + minimumCreditScore, at);
        }
        Award award = delivering.awardIfAny().orElseThrow(() -> new IllegalStateException("obligation "
                + delivering.offerId() + " has no award"));
        return delivering.settle(credits(award, score, mileageRatio), at);
    }

    /** Whether a period with this score earns credit. */
    public boolean earnsCredit(double score) {
        return score >= minimumCreditScore;
    }
}
