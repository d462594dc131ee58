package org.gridfleet.aggregator.fleet;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One entry of a vehicle's weekly departure plan: leave on {@code day} at {@code time} (site-local
 * wall clock) with at least {@code targetSoc} (0..1).
 */
public record DepartureRule(DayOfWeek day, LocalTime time, double targetSoc) {
    public DepartureRule {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        if (!(targetSoc >= 0 && targetSoc <= 1)) {
            throw new IllegalArgumentException("targetSoc must be in 0..1: " + targetSoc);
        }
    }
}
