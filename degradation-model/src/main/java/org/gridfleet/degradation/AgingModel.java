package org.gridfleet.degradation;

/**
 * A semi-empirical calendar + cycle aging model of one cell type, stepped one aging step (at most a
 * day) at a time. {@link #prepare} evaluates everything that depends on the step alone, so a day
 * repeated for years is averaged once and then applied to each state.
 */
public sealed interface AgingModel permits Nmc111Kokam75Ah, LfpGraphite250Ah, NcaPanasonic3Ah {

    /** State of a new cell. */
    AgingState initialState();

    /** Rates of one step, time-averaged over its samples. */
    Step prepare(DayStress day);

    /** Ages {@code state} by one step. */
    default AgingState step(AgingState state, DayStress day) {
        return prepare(day).apply(state);
    }

    /** A prepared step: applies to any state reached before it. */
    @FunctionalInterface
    interface Step {
        AgingState apply(AgingState before);
    }
}
