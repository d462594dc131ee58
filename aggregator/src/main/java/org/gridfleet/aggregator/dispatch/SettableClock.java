package org.gridfleet.aggregator.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock whose instant the owner sets: simulated time for the {@link GridServiceController} (set from each
 * control input), the simulator, the benchmarks and scripted tests. One thread moves it; any thread may read it.
 */
public final class SettableClock extends Clock {

    private volatile Instant now;

    /** @param start the first instant */
    public SettableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock to {@code t}. */
    public void set(Instant t) {
        now = Objects.requireNonNull(t, "t");
    }

    /** Moves the clock on by {@code d}. */
    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
