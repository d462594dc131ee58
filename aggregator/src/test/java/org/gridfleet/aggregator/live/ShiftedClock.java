package org.gridfleet.aggregator.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock moved by an offset that a test can jump forward (time runs on between jumps). */
final class ShiftedClock extends Clock {

    private volatile Duration offset;

    ShiftedClock(Instant startAt) {
        this.offset = Duration.between(Instant.now(), startAt);
    }

    void jump(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
