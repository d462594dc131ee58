package org.gridfleet.market.regulation;

import org.gridfleet.market.Checks;

/**
 * One PJM regulation performance score (MARKET-RULES.md §1.3 (5)): each component and the composite in [0, 1].
 *
 * @param accuracy mean over the windows of the correlation at the chosen delay
 * @param delay mean over the windows of the delay score at the chosen delay
 * @param precision 1 − mean |response − request| / mean |request|, clamped at 0
 * @param composite (accuracy + delay + precision) / 3
 */
public record PerformanceScore(double accuracy, double delay, double precision, double composite) {

    /** @throws IllegalArgumentException naming the component outside [0, 1] */
    public PerformanceScore {
        Checks.requireRange("accuracy", accuracy, 0, 1);
        Checks.requireRange("delay", delay, 0, 1);
        Checks.requireRange("precision", precision, 0, 1);
        Checks.requireRange("composite", composite, 0, 1);
    }

    /** The score with the composite as the equal-weight mean of the three components. */
    public static PerformanceScore of(double accuracy, double delay, double precision) {
        return new PerformanceScore(accuracy, delay, precision, (accuracy + delay + precision) / 3);
    }
}
