package org.gridfleet.degradation;

import java.util.Arrays;

/**
 * The aging state of one battery after some steps of an {@link AgingModel}: the model's internal
 * loss states, the relative capacity {@code q} (1 = new), the relative resistance (1 = new; NaN when
 * the model has none), cumulative equivalent full cycles and elapsed days. Immutable.
 */
public final class AgingState {
    private final double[] states;
    private final double relativeCapacity;
    private final double relativeResistance;
    private final double equivalentFullCycles;
    private final double days;

    /** @throws IllegalArgumentException if capacity is not in (0, 1.1], or cycles or days are negative */
    public AgingState(double[] states, double relativeCapacity, double relativeResistance,
            double equivalentFullCycles, double days) {
        if (!(relativeCapacity > 0.0 && relativeCapacity <= 1.1)) {
            throw new IllegalArgumentException("relativeCapacity must be within (0, 1.1], but was " + relativeCapacity);
        }
        if (!(equivalentFullCycles >= 0.0)) {
            throw new IllegalArgumentException("equivalentFullCycles must be >= 0, but was " + equivalentFullCycles);
        }
        if (!(days >= 0.0)) {
            throw new IllegalArgumentException("days must be >= 0, but was " + days);
        }
        this.states = states.clone();
        this.relativeCapacity = relativeCapacity;
        this.relativeResistance = relativeResistance;
        this.equivalentFullCycles = equivalentFullCycles;
        this.days = days;
    }

    /** Model-internal loss state {@code i} (meaning defined by the model). */
    public double state(int i) {
        return states[i];
    }

    public int stateCount() {
        return states.length;
    }

    /** q: usable capacity relative to new, 1 = new. */
    public double relativeCapacity() {
        return relativeCapacity;
    }

    /** Resistance relative to new, or NaN if the model has no resistance output. */
    public double relativeResistance() {
        return relativeResistance;
    }

    /** Cumulative equivalent full cycles (of the nominal capacity). */
    public double equivalentFullCycles() {
        return equivalentFullCycles;
    }

    public double days() {
        return days;
    }

    @Override
    public String toString() {
        return "AgingState[q=" + relativeCapacity + ", r=" + relativeResistance + ", efc=" + equivalentFullCycles
                + ", days=" + days + ", states=" + Arrays.toString(states) + "]";
    }
}
