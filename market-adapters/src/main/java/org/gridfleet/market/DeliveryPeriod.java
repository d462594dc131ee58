package org.gridfleet.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open delivery interval {@code [start, end)} of a market product (one PJM hour, one FCR 4-hour block,
 * one demand-response window).
 *
 * @param start first instant of delivery, inclusive
 * @param end end of delivery, exclusive, after start
 */
public record DeliveryPeriod(Instant start, Instant end) {

    /** @throws IllegalArgumentException if end is not after start */
    public DeliveryPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start, but was start " + start + ", end " + end);
        }
    }

    /** The period of {@code length} starting at {@code start}. */
    public static DeliveryPeriod of(Instant start, Duration length) {
        return new DeliveryPeriod(start, start.plus(length));
    }

    /** Length of the period. */
    public Duration length() {
        return Duration.between(start, end);
    }

    /** Whether {@code t} lies in {@code [start, end)}. */
    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** Whether the two periods share any instant. */
    public boolean overlaps(DeliveryPeriod other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
