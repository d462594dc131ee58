package org.gridfleet.aggregator.fleet;

import java.util.Arrays;
import java.util.Optional;

/** How the owner wants a vehicle charged when more than one schedule meets its departure need. */
public enum ChargingPreference {
    /** Charge as early as possible: the departure target is met first, cost second. */
    GUARANTEED("guaranteed"),
    /** Cheapest energy that still meets the departure target. */
    LOWEST_COST("lowest-cost"),
    /** Lowest-carbon energy that still meets the departure target. */
    GREENEST("greenest");

    private final String wireName;

    ChargingPreference(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }

    public static Optional<ChargingPreference> fromWire(String s) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(s)).findFirst();
    }
}
