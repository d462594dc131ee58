package org.gridfleet.degradation.rainflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streaming rainflow cycle counting, ASTM E1049-85 (2017) section 5.4.4 (Downing &amp; Socie 1982).
 *
 * <p>Samples are reduced to turning points as they arrive (flats and non-reversals dropped). A
 * point is confirmed once the series reverses after it; then, with X the newest range and Y the
 * one before it, while X &gt;= Y: Y is a half cycle if it contains the starting point (which is then
 * dropped), otherwise a full cycle (both its points dropped). Cycles closed this way are final and
 * go to the sink; the open residue carries over to later samples, so a history can be fed day by
 * day. {@link #residue()} gives the half cycles that would remain if the history ended now.
 * Not thread-safe: one counter per vehicle.
 */
public final class RainflowCounter {
    private final Consumer<Cycle> sink;
    private double[] points = new double[16];
    private int size;

    /** @param sink receives each closed cycle, in counting order */
    public RainflowCounter(Consumer<Cycle> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Counts a whole series at once: closed cycles followed by the residue's half cycles. */
    public static List<Cycle> count(double... series) {
        List<Cycle> cycles = new ArrayList<>();
        RainflowCounter counter = new RainflowCounter(cycles::add);
        for (double value : series) {
            counter.add(value);
        }
        cycles.addAll(counter.residue());
        return cycles;
    }

    /** Feeds the next sample. */
    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("sample must be finite, but was " + value);
        }
        if (size < 2) {
            if (size == 0 || value != points[0]) {
                push(value);
            }
            return;
        }
        double last = points[size - 1];
        boolean rising = last > points[size - 2];
        if (rising ? value >= last : value <= last) {
            points[size - 1] = value; // still moving the same way: the tentative extreme moves on
            return;
        }
        size = countClosed(points, size, sink);
        push(value);
    }

    /** Half cycles of the open residue if the history ended with the last sample; no state changes. */
    public List<Cycle> residue() {
        List<Cycle> halves = new ArrayList<>();
        double[] copy = Arrays.copyOf(points, size);
        int n = countClosed(copy, size, halves::add);
        for (int i = 1; i < n; i++) {
            halves.add(half(copy[i - 1], copy[i]));
        }
        return halves;
    }

    /** Runs the E1049 loop on {@code p[0..n)}, whose last point was just confirmed; returns the new size. */
    private static int countClosed(double[] p, int n, Consumer<Cycle> out) {
        while (n >= 3) {
            double x = Math.abs(p[n - 1] - p[n - 2]);
            double y = Math.abs(p[n - 2] - p[n - 3]);
            if (x < y) {
                break;
            }
            if (n == 3) {
                out.accept(half(p[0], p[1]));
                p[0] = p[1];
                p[1] = p[2];
                n = 2;
            } else {
                out.accept(new Cycle(y, (p[n - 2] + p[n - 3]) / 2.0, 1.0));
                p[n - 3] = p[n - 1];
                n -= 2;
            }
        }
        return n;
    }

    private static Cycle half(double from, double to) {
        return new Cycle(Math.abs(to - from), (from + to) / 2.0, 0.5);
    }

    private void push(double value) {
        if (size == points.length) {
            points = Arrays.copyOf(points, size * 2);
        }
        points[size++] = value;
    }
}
