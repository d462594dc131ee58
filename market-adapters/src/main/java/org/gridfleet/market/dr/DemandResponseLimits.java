package org.gridfleet.market.dr;

import java.time.Instant;
import java.util.List;

/**
 * The limits in force combine to the tightest range: the lowest import cap and the lowest export cap that apply
 * to a scope at an instant.
 *
 * @param limits all known limits
 */
public record DemandResponseLimits(List<DemandResponseLimit> limits) {

    /** @throws NullPointerException if limits or an element is null */
    public DemandResponseLimits {
        limits = List.copyOf(limits);
    }

    /** Highest power allowed for {@code scope} at {@code t}, kW; +∞ when no import cap applies. */
    public double maxKw(String scope, Instant t) {
        double max = Double.POSITIVE_INFINITY;
        for (DemandResponseLimit l : limits) {
            if (l.appliesTo(scope, t)) {
                max = Math.min(max, l.maxKw());
            }
        }
        return max;
    }

    /** Lowest power allowed for {@code scope} at {@code t}, kW; −∞ when no export cap applies. */
    public double minKw(String scope, Instant t) {
        double min = Double.NEGATIVE_INFINITY;
        for (DemandResponseLimit l : limits) {
            if (l.appliesTo(scope, t)) {
                min = Math.max(min, l.minKw());
            }
        }
        return min;
    }
}
