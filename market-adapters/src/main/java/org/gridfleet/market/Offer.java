package org.gridfleet.market;

import java.util.Objects;

/**
 * What the aggregator offers for one delivery period of one product.
 *
 * <p>Prices follow the PJM convention (MARKET-RULES.md §1.2): capability in currency per MW of capability per
 * hour, performance in currency per ΔMW of mileage. Power is in kW.
 *
 * @param offerId caller-chosen id, unique per adapter
 * @param product the product offered
 * @param period the delivery period; its length must equal the product's period
 * @param capabilityKw symmetric capability offered, kW, within the product's min/max offer size
 * @param capabilityPricePerMwh capability offer price, currency/(MW·h), &ge; 0
 * @param performancePricePerMw performance offer price, currency/ΔMW of mileage, &ge; 0 (0 where the market
 *     has no performance price, e.g. FCR)
 */
public record Offer(String offerId, Product product, DeliveryPeriod period, double capabilityKw,
                    double capabilityPricePerMwh, double performancePricePerMw) {

    /** @throws IllegalArgumentException naming the field if a value is impossible for the product */
    public Offer {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(period, "period");
        if (offerId.isBlank()) {
            throw new IllegalArgumentException("offerId must not be blank");
        }
        if (!period.length().equals(product.period())) {
            throw new IllegalArgumentException("period must last " + product.period() + " for product "
                    + product.id() + ", but was " + period.length());
        }
        Checks.requireRange("capabilityKw", capabilityKw, product.minOfferKw(), product.maxOfferKw());
        Checks.requireNonNegative("capabilityPricePerMwh", capabilityPricePerMwh);
        Checks.requireNonNegative("performancePricePerMw", performancePricePerMw);
    }
}
