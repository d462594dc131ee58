package org.gridfleet.market;

import java.time.Duration;
import java.util.Objects;

/**
 * One tradable product of a market and its time grid.
 *
 * @param id stable product id, e.g. {@code "pjm-regd"}, {@code "fcr"}
 * @param kind the service family
 * @param period length of one delivery period (PJM: 1 h; FCR: 4 h), &gt; 0
 * @param signalStep sampling step of the product's live signal (RegD: 2 s; RTE frequency: 10 s), &gt; 0
 * @param minOfferKw smallest capability an offer may carry, kW, &ge; 0 (PJM 100 kW, FCR 1000 kW)
 * @param maxOfferKw largest capability an offer may carry, kW, &ge; minOfferKw
 * @param symmetric whether the capability is both up and down (PJM regulation and FCR are)
 */
public record Product(String id, ProductKind kind, Duration period, Duration signalStep, double minOfferKw,
                      double maxOfferKw, boolean symmetric) {

    /** @throws IllegalArgumentException if a duration is not positive or the kW bounds are impossible */
    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(signalStep, "signalStep");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be > 0, but was " + period);
        }
        if (signalStep.isNegative() || signalStep.isZero()) {
            throw new IllegalArgumentException("signalStep must be > 0, but was " + signalStep);
        }
        Checks.requireNonNegative("minOfferKw", minOfferKw);
        if (!(maxOfferKw >= minOfferKw)) {
            throw new IllegalArgumentException("maxOfferKw must be >= minOfferKw " + minOfferKw + ", but was "
                    + maxOfferKw);
        }
    }
}
