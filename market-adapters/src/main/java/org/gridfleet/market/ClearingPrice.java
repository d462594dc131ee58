package org.gridfleet.market;

import java.util.Objects;

/**
 * Clearing prices of one delivery period (pay-as-cleared).
 *
 * @param period the delivery period
 * @param capabilityPricePerMwh capability clearing price (PJM RMCCP; FCR capacity price), currency/(MW·h), &ge; 0
 * @param performancePricePerMw performance clearing price (PJM RMPCP), currency/ΔMW, &ge; 0
 */
public record ClearingPrice(DeliveryPeriod period, double capabilityPricePerMwh, double performancePricePerMw) {

    /** @throws IllegalArgumentException naming the field if a price is negative or not finite */
    public ClearingPrice {
        Objects.requireNonNull(period, "period");
        Checks.requireNonNegative("capabilityPricePerMwh", capabilityPricePerMwh);
        Checks.requireNonNegative("performancePricePerMw", performancePricePerMw);
    }

    /** Whether an offer at these prices clears: both its prices at or below the clearing prices. */
    public boolean clears(Offer offer) {
        return offer.capabilityPricePerMwh() <= capabilityPricePerMwh
                && offer.performancePricePerMw() <= performancePricePerMw;
    }
}
