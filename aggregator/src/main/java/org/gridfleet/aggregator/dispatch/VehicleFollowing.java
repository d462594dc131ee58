package org.gridfleet.aggregator.dispatch;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether one vehicle follows its setpoints: the last setpoint handed over, when, and consecutive misses. Mutable,
 * one per vehicle, owned by the {@link Dispatcher}'s thread; created once on the vehicle's first tick so the hot
 * path does not allocate.
 *
 * <pre>
 * FOLLOWING --(strikes consecutive misses after the grace)--> EXCLUDED
 * EXCLUDED  --(meets its last setpoint again, or readmitAfter elapsed)--> FOLLOWING
 * </pre>
 */
final class VehicleFollowing {

    double sentKw = Double.NaN;
    Instant sentAt;
    int strikes;
    boolean excluded;
    Instant excludedAt;
    long seenTick;
    /** SoC balancing: how far its resting power leans towards the middle of its energy band, kW. */
    double leanKw;
    /** |setpoint − metered| of this tick when the setpoint has settled (past the grace), else NaN. */
    double settledErrorKw = Double.NaN;

    /** Judges the metered power against the last setpoint; returns whether the vehicle is excluded now. */
    boolean judge(double meteredKw, Instant now, DispatchConfig c) {
        settledErrorKw = Double.NaN;
        if (excluded && !Duration.between(excludedAt, now).minus(c.readmitAfter()).isNegative()) {
            excluded = false;
            strikes = 0;
            sentAt = now;    // a fresh grace period before it is judged again
        }
        if (Double.isNaN(meteredKw) || Double.isNaN(sentKw)
                || Duration.between(sentAt, now).compareTo(c.responseGrace()) < 0) {
            return excluded;
        }
        double error = sentKw - meteredKw;
        settledErrorKw = error;
        if (Math.abs(error) > c.responseToleranceKw()) {
            strikes++;
            if (!excluded && strikes >= c.strikesToExclude()) {
                excluded = true;
                excludedAt = now;
            }
        } else {
            strikes = 0;
            excluded = false;
        }
        return excluded;
    }

    void sent(double powerKw, Instant at) {
        sentKw = powerKw;
        sentAt = at;
    }
}
