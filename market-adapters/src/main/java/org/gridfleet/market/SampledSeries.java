package org.gridfleet.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An immutable, regularly sampled series: value {@code i} holds from {@code start + i·step} until the next
 * sample. {@link Double#NaN} marks a missing sample. The unit is the caller's (normalized regulation signal,
 * Hz, kW); the name of the variable holding a series says which.
 */
public final class SampledSeries {

    private final Instant start;
    private final Duration step;
    private final long stepNanos;
    private final double[] values;

    /**
     * @param start instant of the first sample
     * @param step sampling step, &gt; 0
     * @param values the samples (copied), NaN = missing; infinities are rejected
     * @throws IllegalArgumentException if step is not positive or a value is infinite
     */
    public SampledSeries(Instant start, Duration step, double[] values) {
        this(start, step, values.clone(), true);
    }

    private SampledSeries(Instant start, Duration step, double[] owned, boolean check) {
        this.start = Objects.requireNonNull(start, "start");
        this.step = Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be > 0, but was " + step);
        }
        if (check) {
            for (int i = 0; i < owned.length; i++) {
                if (Double.isInfinite(owned[i])) {
                    throw new IllegalArgumentException("values[" + i + "] must be finite or NaN, but was " + owned[i]);
                }
            }
        }
        this.stepNanos = step.toNanos();
        this.values = owned;
    }

    /** A series of the given samples. */
    public static SampledSeries of(Instant start, Duration step, double... values) {
        return new SampledSeries(start, step, values);
    }

    /** Instant of the first sample. */
    public Instant start() {
        return start;
    }

    /** Sampling step. */
    public Duration step() {
        return step;
    }

    /** Number of samples. */
    public int size() {
        return values.length;
    }

    /** End of the last sample's hold interval, exclusive. */
    public Instant end() {
        return timeAt(values.length);
    }

    /** Instant of sample {@code i} (may be {@code size()} for the end). */
    public Instant timeAt(int i) {
        return start.plusNanos(stepNanos * i);
    }

    /** Sample {@code i}, NaN if missing. */
    public double valueAt(int i) {
        return values[i];
    }

    /**
     * Index of the sample in force at {@code t}, or -1 before the first sample or at/after {@link #end()}.
     */
    public int indexAt(Instant t) {
        long nanos = Duration.between(start, t).toNanos();
        if (nanos < 0) {
            return -1;
        }
        long i = nanos / stepNanos;
        return i < values.length ? (int) i : -1;
    }

    /** The sample in force at {@code t}; NaN if missing or {@code t} is outside the series. */
    public double valueAt(Instant t) {
        int i = indexAt(t);
        return i < 0 ? Double.NaN : values[i];
    }

    /**
     * The most recent non-missing sample at or before {@code t} (sample-and-hold across gaps, as a controller
     * does when a meter drops out); NaN if there is none.
     */
    public double lastValidAt(Instant t) {
        int i = indexAt(t);
        if (i < 0 && !t.isBefore(end())) {
            i = values.length - 1;
        }
        for (; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                return values[i];
            }
        }
        return Double.NaN;
    }

    /** Number of missing samples. */
    public int missingCount() {
        int n = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The samples from index {@code from} (inclusive) to {@code to} (exclusive) as a new series.
     *
     * @throws IndexOutOfBoundsException if the range is outside the series
     */
    public SampledSeries slice(int from, int to) {
        Objects.checkFromToIndex(from, to, values.length);
        double[] part = new double[to - from];
        System.arraycopy(values, from, part, 0, part.length);
        return new SampledSeries(timeAt(from), step, part, false);
    }

    /** A copy of the samples. */
    public double[] toArray() {
        return values.clone();
    }

    /** The same samples re-anchored so that the first one is at {@code newStart}. */
    public SampledSeries startingAt(Instant newStart) {
        return new SampledSeries(newStart, step, values, false);
    }
}
