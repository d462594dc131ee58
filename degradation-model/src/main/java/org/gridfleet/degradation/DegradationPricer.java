package org.gridfleet.degradation;

import java.util.Objects;

/**
 * Prices battery wear so that V2G and regulation are bought only when they pay for it:
 * {@code cost = packPrice × nominalEnergy × Δq / (1 − qEOL)}, with Δq from the vehicle's aging
 * model starting at its current state. Stateless and thread-safe.
 */
public final class DegradationPricer {
    private final PackEconomics economics;

    public DegradationPricer(PackEconomics economics) {
        this.economics = Objects.requireNonNull(economics, "economics");
    }

    /**
     * Linearized price of cycling, for the LP scheduler: currency per kWh discharged (with the kWh
     * recharged later; one nominal-capacity discharge and recharge is one equivalent full cycle).
     * It is the slope of capacity loss over the extra cycles of {@code point} in one day, from the
     * vehicle's current state, calendar aging held equal.
     */
    public double pricePerKwh(BatteryHealth health, OperatingPoint point) {
        AgingModel model = health.pack().chemistry().model();
        AgingState now = health.state();
        double q = now.relativeCapacity();
        double idle = model.step(now, stress(point, q, 0.0)).relativeCapacity();
        double cycled = model.step(now, stress(point, q, point.extraCyclesPerDay())).relativeCapacity();
        double lossPerCycle = (idle - cycled) / point.extraCyclesPerDay();
        return economics.pricePerCapacityLossPerKwh() * lossPerCycle;
    }

    /** {@link #pricePerKwh(BatteryHealth, OperatingPoint)} at {@link OperatingPoint#typicalV2g}. */
    public double pricePerKwh(BatteryHealth health, double temperatureC) {
        return pricePerKwh(health, OperatingPoint.typicalV2g(temperatureC));
    }

    /**
     * Wear of {@code proposed} versus {@code baseline} over the same planning horizon, both aged from
     * the vehicle's current state.
     *
     * @throws IllegalArgumentException if the two profiles span different durations
     */
    public DegradationImpact cost(BatteryHealth health, SocProfile baseline, SocProfile proposed) {
        if (Math.abs(baseline.durationSeconds() - proposed.durationSeconds()) > 1e-6) {
            throw new IllegalArgumentException("baseline and proposed must span the same horizon, but spanned "
                    + baseline.durationSeconds() + " s and " + proposed.durationSeconds() + " s");
        }
        AgingSimulation simulation = health.simulation();
        AgingState base = simulation.run(health.state(), baseline);
        AgingState prop = simulation.run(health.state(), proposed);
        double capacityLoss = base.relativeCapacity() - prop.relativeCapacity();
        double cost = economics.pricePerCapacityLossPerKwh() * health.pack().nominalEnergyKwh() * capacityLoss;
        return new DegradationImpact(capacityLoss, cost, prop.equivalentFullCycles() - base.equivalentFullCycles());
    }

    private static DayStress stress(OperatingPoint point, double q, double extraCycles) {
        // DayStress scales cycles and C-rate by the capacity reached; undo it so they stay nominal.
        return DayStress.steady(point.meanSoc(), point.temperatureC(), point.depthOfDischarge(), point.cRate() / q,
                extraCycles / q);
    }
}
