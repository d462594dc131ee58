package org.gridfleet.v2g.control;

/**
 * The power a vehicle may take during one step, kW at the grid side, positive = into the battery.
 *
 * @param hardMinKw the lowest power that keeps the reserve SoC (and the discharge limit); never crossed
 * @param minKw the lowest power that also keeps the latest-start floor (the departure target stays reachable);
 *     equals {@code maxKw} when the vehicle is already behind its floor
 * @param maxKw the highest power: charge limit, and no more than the battery can hold
 */
public record PowerRange(double hardMinKw, double minKw, double maxKw) {
    public PowerRange {
        if (!(hardMinKw <= minKw && minKw <= maxKw)) {
            throw new IllegalArgumentException("power range must satisfy hardMinKw <= minKw <= maxKw, but was "
                    + hardMinKw + ", " + minKw + ", " + maxKw);
        }
    }

    /** {@code powerKw} clamped into [minKw, maxKw]. */
    public double clamp(double powerKw) {
        return Math.max(minKw, Math.min(maxKw, powerKw));
    }
}
