package org.gridfleet.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The fleet power the aggregator declared, before delivery, that it would have drawn without the product: one kW
 * value per interval. Power sign: positive = import.
 */
public final class Baseline {

    private final Instant start;
    private final Duration interval;
    private final double[] kw;

    /**
     * @param start start of the first interval
     * @param interval length of each interval, &gt; 0
     * @param kw declared power per interval, kW, finite, at least one value
     * @throws IllegalArgumentException if interval is not positive, kw is empty or holds a non-finite value
     */
    public Baseline(Instant start, Duration interval, double[] kw) {
        this.start = Objects.requireNonNull(start, "start");
        this.interval = Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(kw, "kw");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be > 0, but was " + interval);
        }
        if (kw.length == 0) {
            throw new IllegalArgumentException("kw must hold at least one interval");
        }
        for (int i = 0; i < kw.length; i++) {
            Checks.requireFinite("kw[" + i + "]", kw[i]);
        }
        this.kw = kw.clone();
    }

    /** A baseline holding {@code kw} over the whole {@code period}. */
    public static Baseline flat(DeliveryPeriod period, double kw) {
        return new Baseline(period.start(), period.length(), new double[] {kw});
    }

    /** First instant covered. */
    public Instant start() {
        return start;
    }

    /** End of the last interval, exclusive. */
    public Instant end() {
        return start.plus(interval.multipliedBy(kw.length));
    }

    /** Whether every instant of {@code period} has a declared value. */
    public boolean covers(DeliveryPeriod period) {
        return !period.start().isBefore(start) && !period.end().isAfter(end());
    }

    /**
     * @return the declared power at {@code t}, kW (positive = import)
     * @throws IllegalArgumentException if t is outside the declared intervals
     */
    public double kwAt(Instant t) {
        if (t.isBefore(start) || !t.isBefore(end())) {
            throw new IllegalArgumentException("no baseline declared at " + t + " (declared " + start + " .. "
                    + end() + ")");
        }
        return kw[(int) (Duration.between(start, t).toNanos() / interval.toNanos())];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Baseline b && start.equals(b.start) && interval.equals(b.interval)
                && Arrays.equals(kw, b.kw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, interval, Arrays.hashCode(kw));
    }

    @Override
    public String toString() {
        return "Baseline[start=" + start + ", interval=" + interval + ", kw=" + Arrays.toString(kw) + "]";
    }
}
