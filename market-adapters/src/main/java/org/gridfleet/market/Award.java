package org.gridfleet.market;

import java.util.Objects;

/**
 * The market's answer to one offer: how much capability was cleared, at which prices.
 *
 * @param offerId the offer this award answers
 * @param period the delivery period (same as the offer's)
 * @param awardedKw cleared capability, kW, 0 &le; awardedKw (a partial award is below the offered kW)
 * @param capabilityClearingPricePerMwh capability clearing price (PJM RMCCP), currency/(MW·h), &ge; 0
 * @param performanceClearingPricePerMw performance clearing price (PJM RMPCP), currency/ΔMW, &ge; 0
 */
public record Award(String offerId, DeliveryPeriod period, double awardedKw, double capabilityClearingPricePerMwh,
                    double performanceClearingPricePerMw) {

    /** @throws IllegalArgumentException naming the field if a value is negative or not finite */
    public Award {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(period, "period");
        Checks.requireNonNegative("awardedKw", awardedKw);
        Checks.requireNonNegative("capabilityClearingPricePerMwh", capabilityClearingPricePerMwh);
        Checks.requireNonNegative("performanceClearingPricePerMw", performanceClearingPricePerMw);
    }
}
