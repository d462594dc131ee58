package org.gridfleet.degradation;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The capacity state of one vehicle's battery: its pack and the {@link AgingState} reached by
 * ageing it along its metered SoC history. Immutable; {@link #afterMetered} returns the next state.
 */
public final class BatteryHealth {
    private final BatteryPack pack;
    private final AgingState state;

    private BatteryHealth(BatteryPack pack, AgingState state) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** A new pack. */
    public static BatteryHealth fresh(BatteryPack pack) {
        return new BatteryHealth(pack, pack.chemistry().model().initialState());
    }

    /** A pack in a known aging state of its chemistry's model (e.g. restored from storage). */
    public static BatteryHealth of(BatteryPack pack, AgingState state) {
        return new BatteryHealth(pack, state);
    }

    /** This battery aged along a metered SoC history (any length; stepped per day of it). */
    public BatteryHealth afterMetered(SocProfile metered) {
        return new BatteryHealth(pack, simulation().run(state, metered));
    }

    /**
     * Years until capacity falls to {@code endOfLifeCapacity} if {@code typicalDay} (spanning exactly
     * one day) repeats from now on; empty if not within {@code horizonYears}.
     */
    public OptionalDouble remainingLifeYears(SocProfile typicalDay, double endOfLifeCapacity, int horizonYears) {
        return simulation().yearsUntil(state, typicalDay, endOfLifeCapacity, horizonYears);
    }

    AgingSimulation simulation() {
        return new AgingSimulation(pack.chemistry().model());
    }

    public BatteryPack pack() {
        return pack;
    }

    public AgingState state() {
        return state;
    }

    /** q: capacity relative to new. */
    public double relativeCapacity() {
        return state.relativeCapacity();
    }

    /** Usable energy now, kWh. */
    public double usableEnergyKwh() {
        return pack.nominalEnergyKwh() * state.relativeCapacity();
    }
}
