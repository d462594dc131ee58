package org.gridfleet.degradation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A metered or planned state-of-charge trajectory of one battery.
 *
 * <p>Sample {@code i} is at {@code seconds[i]} (strictly increasing, seconds from any origin), with
 * state of charge {@code soc[i]} in 0..1 (of the battery's current usable capacity) and cell
 * temperature {@code temperatureC[i]} in degrees Celsius. Immutable: arrays are copied in and out.
 */
public final class SocProfile {
    /** Seconds in one aging step (the BLAST-Lite daily step). */
    public static final double SECONDS_PER_DAY = 86_400.0;

    private final double[] seconds;
    private final double[] soc;
    private final double[] temperatureC;

    private SocProfile(double[] seconds, double[] soc, double[] temperatureC) {
        this.seconds = seconds;
        this.soc = soc;
        this.temperatureC = temperatureC;
    }

    /**
     * @throws IllegalArgumentException naming the first bad sample: fewer than two samples, arrays of
     *     different lengths, time not strictly increasing, SoC outside 0..1, or a non-finite value
     */
    public static SocProfile of(double[] seconds, double[] soc, double[] temperatureC) {
        if (seconds.length != soc.length || seconds.length != temperatureC.length) {
            throw new IllegalArgumentException("seconds, soc and temperatureC must have the same length, but were "
                    + seconds.length + ", " + soc.length + ", " + temperatureC.length);
        }
        if (seconds.length < 2) {
            throw new IllegalArgumentException("a profile needs at least 2 samples, but had " + seconds.length);
        }
        for (int i = 0; i < seconds.length; i++) {
            if (!Double.isFinite(seconds[i])) {
                throw new IllegalArgumentException("seconds[" + i + "] must be finite, but was " + seconds[i]);
            }
            if (i > 0 && !(seconds[i] > seconds[i - 1])) {
                throw new IllegalArgumentException("seconds must be strictly increasing, but seconds[" + i + "] = "
                        + seconds[i] + " follows " + seconds[i - 1]);
            }
            if (!(soc[i] >= 0.0 && soc[i] <= 1.0)) {
                throw new IllegalArgumentException("soc[" + i + "] must be within 0..1, but was " + soc[i]);
            }
            if (!(temperatureC[i] > -273.15 && temperatureC[i] < 200.0)) {
                throw new IllegalArgumentException("temperatureC[" + i + "] must be within -273.15..200, but was "
                        + temperatureC[i]);
            }
        }
        return new SocProfile(seconds.clone(), soc.clone(), temperatureC.clone());
    }

    /** A profile at one constant cell temperature. */
    public static SocProfile atTemperature(double[] seconds, double[] soc, double temperatureC) {
        double[] temperatures = new double[seconds.length];
        Arrays.fill(temperatures, temperatureC);
        return of(seconds, soc, temperatures);
    }

    /** One day (0 to 86,400 s) held at a constant SoC and temperature: calendar aging only. */
    public static SocProfile constantDay(double soc, double temperatureC) {
        return atTemperature(new double[] {0.0, SECONDS_PER_DAY}, new double[] {soc, soc}, temperatureC);
    }

    public int size() {
        return seconds.length;
    }

    public double secondsAt(int i) {
        return seconds[i];
    }

    public double socAt(int i) {
        return soc[i];
    }

    public double temperatureCAt(int i) {
        return temperatureC[i];
    }

    public double durationSeconds() {
        return seconds[seconds.length - 1] - seconds[0];
    }

    /**
     * Splits the profile into consecutive aging steps of at most one day each, counted from the first
     * sample; a sample is interpolated linearly at each day boundary so no throughput is lost.
     */
    public List<SocProfile> days() {
        if (durationSeconds() <= SECONDS_PER_DAY) {
            return List.of(this);
        }
        List<SocProfile> days = new ArrayList<>();
        double start = seconds[0];
        int i = 0;
        while (start < seconds[seconds.length - 1]) {
            double end = Math.min(start + SECONDS_PER_DAY, seconds[seconds.length - 1]);
            int capacity = seconds.length + 2;
            double[] t = new double[capacity];
            double[] s = new double[capacity];
            double[] c = new double[capacity];
            int n = 0;
            t[n] = start;
            s[n] = interpolate(soc, start);
            c[n++] = interpolate(temperatureC, start);
            while (i < seconds.length && seconds[i] <= start) {
                i++;
            }
            while (i < seconds.length && seconds[i] < end) {
                t[n] = seconds[i];
                s[n] = soc[i];
                c[n++] = temperatureC[i++];
            }
            t[n] = end;
            s[n] = interpolate(soc, end);
            c[n++] = interpolate(temperatureC, end);
            days.add(new SocProfile(Arrays.copyOf(t, n), Arrays.copyOf(s, n), Arrays.copyOf(c, n)));
            start = end;
        }
        return days;
    }

    private double interpolate(double[] values, double at) {
        int hi = Arrays.binarySearch(seconds, at);
        if (hi >= 0) {
            return values[hi];
        }
        hi = -hi - 1;
        int lo = hi - 1;
        double w = (at - seconds[lo]) / (seconds[hi] - seconds[lo]);
        return values[lo] + w * (values[hi] - values[lo]);
    }
}
