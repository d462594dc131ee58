package org.gridfleet.degradation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Runs an {@link AgingModel} over SoC profiles: a horizon once, or one day repeated for years. */
public final class AgingSimulation {
    /** BLAST-Lite reports year Y after 365·Y daily steps. */
    public static final int DAYS_PER_YEAR = 365;

    private final AgingModel model;

    public AgingSimulation(AgingModel model) {
        this.model = model;
    }

    /** Ages {@code start} along {@code profile}, one step per (partial) day of the profile. */
    public AgingState run(AgingState start, SocProfile profile) {
        AgingState state = start;
        for (SocProfile day : profile.days()) {
            state = model.step(state, DayStress.of(day));
        }
        return state;
    }

    /**
     * Ages a new cell with {@code day} repeated every day (the profile must span exactly one day),
     * returning the state at the end of each year 1..years.
     */
    public List<AgingState> repeatDaily(SocProfile day, int years) {
        if (years < 1) {
            throw new IllegalArgumentException("years must be >= 1, but was " + years);
        }
        AgingModel.Step step = model.prepare(dailyStress(day));
        List<AgingState> yearly = new ArrayList<>(years);
        AgingState state = model.initialState();
        for (int year = 1; year <= years; year++) {
            for (int d = 0; d < DAYS_PER_YEAR; d++) {
                state = step.apply(state);
            }
            yearly.add(state);
        }
        return yearly;
    }

    /**
     * Years from {@code start} until capacity falls to {@code endOfLifeCapacity} if {@code day} repeats
     * every day, interpolated within the crossing day; empty if not reached within {@code horizonYears}.
     */
    public OptionalDouble yearsUntil(AgingState start, SocProfile day, double endOfLifeCapacity, int horizonYears) {
        if (!(endOfLifeCapacity > 0.0 && endOfLifeCapacity < 1.0)) {
            throw new IllegalArgumentException("endOfLifeCapacity must be within (0, 1), but was " + endOfLifeCapacity);
        }
        if (start.relativeCapacity() <= endOfLifeCapacity) {
            return OptionalDouble.of(0.0);
        }
        AgingModel.Step step = model.prepare(dailyStress(day));
        AgingState state = start;
        for (int d = 1; d <= horizonYears * DAYS_PER_YEAR; d++) {
            AgingState next = step.apply(state);
            if (next.relativeCapacity() <= endOfLifeCapacity) {
                double fraction = (state.relativeCapacity() - endOfLifeCapacity)
                        / (state.relativeCapacity() - next.relativeCapacity());
                return OptionalDouble.of((d - 1 + fraction) / DAYS_PER_YEAR);
            }
            state = next;
        }
        return OptionalDouble.empty();
    }

    private static DayStress dailyStress(SocProfile day) {
        if (Math.abs(day.durationSeconds() - SocProfile.SECONDS_PER_DAY) > 1e-9) {
            throw new IllegalArgumentException("a repeated day must span exactly 86400 s, but spans "
                    + day.durationSeconds() + " s");
        }
        return DayStress.of(day);
    }
}
