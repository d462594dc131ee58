package org.gridfleet.v2g.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Energy bounds of one vehicle over time: reserve, full, and the latest-start floor
 * (the energy below which the departure target can no longer be reached at full charge power).
 */
public final class VehicleEnvelope {

    private static final double SECONDS_PER_HOUR = 3600.0;

    private VehicleEnvelope() {
    }

    /** Battery energy the reserve SoC keeps, kWh. */
    public static double reserveKwh(VehicleState v) {
        return v.reserveSoc() * v.batteryKwh();
    }

    /** Battery energy required at departure (never below the reserve), kWh. */
    public static double targetKwh(VehicleState v) {
        return Math.max(v.targetSoc(), v.reserveSoc()) * v.batteryKwh();
    }

    /**
     * The latest-start floor at {@code t}, kWh: the least energy from which charging at full power still reaches
     * the target at departure, and never below the reserve. At and after departure it is the target.
     */
    public static double floorKwh(VehicleState v, Instant t) {
        double hoursLeft = Math.max(0, hoursBetween(t, v.departure()));
        double fromFullPower = targetKwh(v) - v.maxChargeKw() * v.efficiency() * hoursLeft;
        return Math.max(reserveKwh(v), fromFullPower);
    }

    /** Whether the target is still reachable from the current energy (within a rounding tolerance). */
    public static boolean targetReachable(VehicleState v, Instant now) {
        return v.energyKwh() >= floorKwh(v, now) - 1e-6;
    }

    /**
     * The feasible power range for the step [now, now + step): keeps the reserve and the latest-start floor at the
     * end of the step (or at departure if that comes first) and does not overfill the battery.
     */
    public static PowerRange range(VehicleState v, Instant now, Duration step) {
        Instant end = now.plus(step);
        boolean leavesWithinStep = end.isAfter(v.departure()) && now.isBefore(v.departure());
        if (leavesWithinStep) {
            end = v.departure();
        }
        double hours = hoursBetween(now, end);
        double energy = v.energyKwh();
        double maxKw = Math.max(0, Math.min(v.maxChargeKw(), (v.batteryKwh() - energy) / (v.efficiency() * hours)));
        // a vehicle leaving within the step takes its export with it for the rest of the step, so no other may
        // lean on it against a limit: it is not discharged in its last, partial step
        double hardMinKw = leavesWithinStep ? 0 : Math.min(0, Math.max(-v.maxDischargeKw(),
                -(energy - reserveKwh(v)) * v.efficiency() / hours));
        double needKwh = floorKwh(v, end) - energy;
        double minKw = needKwh > 0 ? needKwh / (v.efficiency() * hours) : needKwh * v.efficiency() / hours;
        minKw = Math.max(hardMinKw, Math.min(maxKw, minKw));
        return new PowerRange(hardMinKw, minKw, maxKw);
    }

    /** Energy change in the battery, kWh, when {@code powerKw} is applied at the grid side for {@code hours}. */
    public static double batteryDeltaKwh(double powerKw, double efficiency, double hours) {
        return powerKw >= 0 ? powerKw * efficiency * hours : powerKw / efficiency * hours;
    }

    static double hoursBetween(Instant a, Instant b) {
        return Duration.between(a, b).toMillis() / 1000.0 / SECONDS_PER_HOUR;
    }
}
