package org.gridfleet.market;

/**
 * Money earned by one delivered obligation (MARKET-RULES.md §1.4).
 *
 * @param score the performance score the credits were scaled by, 0..1 (1 where the product has no score)
 * @param capabilityCredit capability credit, currency, &ge; 0
 * @param performanceCredit performance (mileage) credit, currency, &ge; 0
 */
public record Settlement(double score, double capabilityCredit, double performanceCredit) {

    /** @throws IllegalArgumentException naming the field if a value is out of range */
    public Settlement {
        Checks.requireRange("score", score, 0, 1);
        Checks.requireNonNegative("capabilityCredit", capabilityCredit);
        Checks.requireNonNegative("performanceCredit", performanceCredit);
    }

    /** Capability plus performance credit, currency. */
    public double total() {
        return capabilityCredit + performanceCredit;
    }
}
