package org.gridfleet.v2g.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One battery as the LP sees it: a single vehicle, or several vehicles of one limit node merged into a virtual
 * battery (the receding-horizon schedule aggregates large fleets). Arrays are indexed by LP step.
 *
 * @param node the limit-tree node the unit hangs under
 * @param energyKwh battery energy at the start of the horizon (or at arrival), kWh
 * @param minEnergyKwh hard lower bound of the energy (the reserve, or the start energy if that is lower), kWh
 * @param fullKwh capacity, kWh
 * @param maxChargeKw charge limit, kW at the grid side
 * @param maxDischargeKw discharge limit, kW at the grid side
 * @param efficiency one-way efficiency
 * @param degradationCostPerKwh wear price per battery kWh cycled
 * @param greenest whether charging also pays the carbon signal
 * @param hours plugged-in hours within each step (0 when absent)
 * @param floorKwh the energy the unit should hold at the end of each step (latest-start floor, target at the
 *     last step); missing energy is penalized as a shortfall, never made a hard infeasibility
 */
record LpUnit(int node, double energyKwh, double minEnergyKwh, double fullKwh, double maxChargeKw,
              double maxDischargeKw, double efficiency, double degradationCostPerKwh, boolean greenest,
              double[] hours, double[] floorKwh) {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    /**
     * A vehicle plugged in from {@code arrival} (its state holds the energy at arrival) on the LP grid, due at its
     * target {@code lagAllowance} before departure.
     */
    static LpUnit of(VehicleState v, ChargingPreference preference, int node, Instant arrival, Instant start,
                     Duration step, int steps, Duration lagAllowance) {
        double[] hours = new double[steps];
        double[] floor = new double[steps];
        double e0 = v.energyKwh();
        double target = VehicleEnvelope.targetKwh(v);
        double cumulativeHours = 0;
        // epoch milliseconds: Duration.multipliedBy goes through BigDecimal, too slow for every vehicle and step
        long startMs = start.toEpochMilli();
        long stepMs = step.toMillis();
        long arrivalMs = arrival.toEpochMilli();
        long departureMs = v.departure().toEpochMilli();
        for (int k = 0; k < steps; k++) {
            long fromMs = Math.max(arrivalMs, startMs + k * stepMs);
            long toMs = Math.min(departureMs, startMs + (k + 1) * stepMs);
            hours[k] = Math.max(0, toMs - fromMs) / MILLIS_PER_HOUR;
            cumulativeHours += hours[k];
            floor[k] = VehicleEnvelope.floorKwh(v, Instant.ofEpochMilli(Math.max(fromMs, toMs)), lagAllowance);
            if (preference == ChargingPreference.GUARANTEED) {
                double earliest = Math.min(target, e0 + v.maxChargeKw() * v.efficiency() * cumulativeHours);
                floor[k] = Math.max(floor[k], earliest);
            }
        }
        return new LpUnit(node, e0, Math.min(e0, VehicleEnvelope.reserveKwh(v)), v.batteryKwh(), v.maxChargeKw(),
                v.maxDischargeKw(), v.efficiency(), v.degradationCostPerKwh(),
                preference == ChargingPreference.GREENEST, hours, floor);
    }

    /** Several units of one node merged into a virtual battery (capacity-weighted efficiency and wear price). */
    static LpUnit merge(List<LpUnit> units) {
        LpUnit first = units.get(0);
        int steps = first.hours.length;
        double[] hours = new double[steps];
        double[] floor = new double[steps];
        double e0 = 0;
        double minE = 0;
        double full = 0;
        double maxC = 0;
        double maxD = 0;
        double effWeighted = 0;
        double degWeighted = 0;
        for (LpUnit u : units) {
            e0 += u.energyKwh;
            minE += u.minEnergyKwh;
            full += u.fullKwh;
            maxC += u.maxChargeKw;
            maxD += u.maxDischargeKw;
            effWeighted += u.efficiency * u.fullKwh;
            degWeighted += u.degradationCostPerKwh * u.fullKwh;
            double lastFloor = u.energyKwh;
            for (int k = 0; k < steps; k++) {
                hours[k] = Math.max(hours[k], u.hours[k]);
                lastFloor = u.hours[k] > 0 ? u.floorKwh[k] : lastFloor;
                floor[k] += lastFloor;
            }
        }
        return new LpUnit(first.node, e0, minE, full, maxC, maxD, effWeighted / full, degWeighted / full,
                first.greenest, hours, floor);
    }
}
