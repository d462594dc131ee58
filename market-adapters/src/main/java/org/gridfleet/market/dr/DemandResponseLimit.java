package org.gridfleet.market.dr;

import java.time.Instant;
import java.util.Objects;
import org.gridfleet.market.Checks;
import org.gridfleet.market.DeliveryPeriod;

/**
 * A cap on import or export for one site or the whole fleet during a window (an OpenADR
 * {@code IMPORT_CAPACITY_LIMIT} / {@code EXPORT_CAPACITY_LIMIT} event interval; the scenario's
 * {@code dr-import-limit}).
 *
 * @param scopeId the site id the limit applies to, or {@link #FLEET} for the fleet as a whole
 * @param direction which side is capped
 * @param limitKw the cap, kW: import ≤ limitKw, or export ≤ limitKw (power ≥ −limitKw). Usually &ge; 0; a negative
 *                value turns the cap into a floor on the other side (an EXPORT limit of −5 means import ≥ 5 kW, an
 *                IMPORT limit of −5 means export ≥ 5 kW), which is how an OpenADR setpoint's band is expressed
 * @param window when the limit applies, {@code [start, end)}
 */
public record DemandResponseLimit(String scopeId, LimitDirection direction, double limitKw, DeliveryPeriod window) {

    /** The scope id meaning the whole fleet. */
    public static final String FLEET = "*fleet*";

    /** @throws IllegalArgumentException naming the field if a value is impossible */
    public DemandResponseLimit {
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(window, "window");
        if (scopeId.isBlank()) {
            throw new IllegalArgumentException("scopeId must not be blank");
        }
        Checks.requireFinite("limitKw", limitKw);
    }

    /** Whether the limit is in force at {@code t} for {@code scope} (a site id or {@link #FLEET}). */
    public boolean appliesTo(String scope, Instant t) {
        return scopeId.equals(scope) && window.contains(t);
    }

    /** Highest power allowed, kW (positive = import); +∞ for an export cap. */
    public double maxKw() {
        return direction == LimitDirection.IMPORT ? limitKw : Double.POSITIVE_INFINITY;
    }

    /** Lowest power allowed, kW; −∞ for an import cap. */
    public double minKw() {
        return direction == LimitDirection.EXPORT ? -limitKw : Double.NEGATIVE_INFINITY;
    }

    /** {@code powerKw} moved inside the limit, kW. */
    public double clamp(double powerKw) {
        return Math.max(minKw(), Math.min(maxKw(), powerKw));
    }

    /** By how much {@code powerKw} breaks the limit, kW, 0 when it complies. */
    public double violationKw(double powerKw) {
        return Math.abs(powerKw - clamp(powerKw));
    }
}
