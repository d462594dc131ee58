package org.gridfleet.v2g.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Energy bounds of one vehicle over time: reserve, full, and the latest-start floor
 * (the energy below which the departure target can no longer be reached at full charge power).
 *
 * <p>The floor keeps {@link #LAG_ALLOWANCE} of full power in hand: a charger follows a new setpoint only after its
 * command latency and ramp, so a vehicle planned to reach its target to the second at departure arrives short.
 */
public final class VehicleEnvelope {

    private static final double SECONDS_PER_HOUR = 3600.0;
    /**
     * How long before departure the floor reaches the target. One step up to full power takes about 13 s: OCPP round
     * trip (about 1 s), the EV's response to a new current limit (up to 5 s, IEC 61851-1) and a ramp to 50 kW at
     * 7.2 kW/s (7 s); 30 s leaves room for chargers slower than that (15 s left a charger ramping 8 times slower
     * than declared short in the fault-injection tests). Without it ACN-Sim March 2019 missed 14 feasible
     * departures by 0.1-0.3 % of a battery; it costs about 1 % more on short rapid visits (BENCHMARKS).
     */
    public static final Duration LAG_ALLOWANCE = Duration.ofSeconds(30);
    /** {@link #LAG_ALLOWANCE} in hours. */
    public static final double LAG_ALLOWANCE_HOURS = hours(LAG_ALLOWANCE);

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
     * the target {@link #LAG_ALLOWANCE} before departure, and never below the reserve. From then on it is the
     * target.
     */
    public static double floorKwh(VehicleState v, Instant t) {
        return floorKwh(v, t, LAG_ALLOWANCE_HOURS);
    }

    /** The latest-start floor with another lag allowance ({@link Duration#ZERO} for perfect chargers), kWh. */
    static double floorKwh(VehicleState v, Instant t, Duration lagAllowance) {
        return floorKwh(v, t, hours(lagAllowance));
    }

    /** Hours to spare before the vehicle must charge at full power to make its target; smaller = more urgent. */
    static double slackHours(VehicleState v, Instant now) {
        double need = targetKwh(v) - v.energyKwh();
        double hoursNeeded = need <= 0 ? 0 : v.maxChargeKw() <= 0 ? Double.MAX_VALUE
                : need / (v.maxChargeKw() * v.efficiency());
        return hoursBetween(now, v.departure()) - hoursNeeded;
    }

    /** Whether the target is still reachable at departure from the current energy (within a rounding tolerance). */
    public static boolean targetReachable(VehicleState v, Instant now) {
        return v.energyKwh() >= floorKwh(v, now, 0) - 1e-6;
    }

    private static double floorKwh(VehicleState v, Instant t, double allowanceHours) {
        double hoursLeft = Math.max(0, hoursBetween(t, v.departure()) - allowanceHours);
        double fromFullPower = targetKwh(v) - v.maxChargeKw() * v.efficiency() * hoursLeft;
        return Math.max(reserveKwh(v), fromFullPower);
    }

    /**
     * The feasible power range for the step [now, now + step): keeps the reserve and the latest-start floor at the
     * end of the step (or at departure if that comes first) and does not overfill the battery. In the step that
     * ends at departure (if longer than {@link #LAG_ALLOWANCE}) the target and full are aimed at that allowance
     * early, since the change of setpoint lags too and no later step can make it up.
     */
    public static PowerRange range(VehicleState v, Instant now, Duration step) {
        Instant end = now.plus(step);
        boolean leavesWithinStep = end.isAfter(v.departure()) && now.isBefore(v.departure());
        if (leavesWithinStep) {
            end = v.departure();
        }
        double hours = hoursBetween(now, end);
        boolean lastStep = !end.isBefore(v.departure()) && hours > LAG_ALLOWANCE_HOURS;
        double aimHours = lastStep ? hours - LAG_ALLOWANCE_HOURS : hours;
        double energy = v.energyKwh();
        double roomKwh = v.batteryKwh() - energy;
        double maxKw = Math.max(0, Math.min(v.maxChargeKw(), roomKwh / (v.efficiency() * aimHours)));
        // a vehicle leaving within the step takes its export with it for the rest of the step, so no other may
        // lean on it against a limit: it is not discharged in its last, partial step
        double hardMinKw = leavesWithinStep ? 0 : Math.min(0, Math.max(-v.maxDischargeKw(),
                -(energy - reserveKwh(v)) * v.efficiency() / hours));
        double needKwh = floorKwh(v, end) - energy;
        double minKw = needKwh > 0 ? needKwh / (v.efficiency() * aimHours) : needKwh * v.efficiency() / hours;
        minKw = Math.max(hardMinKw, Math.min(maxKw, minKw));
        return new PowerRange(hardMinKw, minKw, maxKw);
    }

    /** Energy change in the battery, kWh, when {@code powerKw} is applied at the grid side for {@code hours}. */
    public static double batteryDeltaKwh(double powerKw, double efficiency, double hours) {
        return powerKw >= 0 ? powerKw * efficiency * hours : powerKw / efficiency * hours;
    }

    static double hoursBetween(Instant a, Instant b) {
        return hours(Duration.between(a, b));
    }

    private static double hours(Duration d) {
        return d.toMillis() / 1000.0 / SECONDS_PER_HOUR;
    }
}
