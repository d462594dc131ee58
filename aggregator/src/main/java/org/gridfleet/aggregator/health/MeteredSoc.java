package org.gridfleet.aggregator.health;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gridfleet.degradation.SocProfile;

/**
 * One vehicle's metered SoC samples, oldest first, each with the session it was metered in, on a time axis in
 * seconds since the vehicle's {@code origin} (its first sample). Cuts them into whole aging days counted from
 * the origin, exactly as {@link SocProfile#days()} cuts the whole history (a value interpolated linearly at
 * each day boundary), so stepping day by day over many runs gives the same state as one run over all of it.
 * Samples whose time does not increase are dropped (two EVSEs reporting the same instant).
 */
final class MeteredSoc {
    private final Instant origin;
    private final double[] seconds;
    private final double[] soc;
    private final String[] session;
    private final Instant[] times;

    private MeteredSoc(Instant origin, double[] seconds, double[] soc, String[] session, Instant[] times) {
        this.origin = origin;
        this.seconds = seconds;
        this.soc = soc;
        this.session = session;
        this.times = times;
    }

    /** One sample: time, SoC 0..1 and a key of the charging session it belongs to. */
    record Sample(Instant time, double soc, String session) {
        Sample {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(session, "session");
            if (!(soc >= 0 && soc <= 1)) {
                throw new IllegalArgumentException("soc must be within 0..1, but was " + soc);
            }
        }
    }

    static MeteredSoc of(Instant origin, List<Sample> samples) {
        int n = 0;
        double[] t = new double[samples.size()];
        double[] s = new double[samples.size()];
        String[] k = new String[samples.size()];
        Instant[] at = new Instant[samples.size()];
        for (Sample sample : samples) {
            double sec = secondsBetween(origin, sample.time());
            if (n > 0 && !(sec > t[n - 1])) {
                continue;
            }
            t[n] = sec;
            s[n] = sample.soc();
            k[n] = sample.session();
            at[n++] = sample.time();
        }
        return new MeteredSoc(origin, Arrays.copyOf(t, n), Arrays.copyOf(s, n), Arrays.copyOf(k, n),
                Arrays.copyOf(at, n));
    }

    /** Seconds from {@code origin} to {@code time}, from whole microseconds (the precision telemetry keeps). */
    static double secondsBetween(Instant origin, Instant time) {
        long micros = (time.getEpochSecond() - origin.getEpochSecond()) * 1_000_000L
                + (time.getNano() / 1_000 - origin.getNano() / 1_000);
        return micros / 1e6;
    }

    boolean isEmpty() {
        return seconds.length == 0;
    }

    /** Time of the last sample. */
    Instant last() {
        return times[times.length - 1];
    }

    /**
     * The whole days from {@code fromDay} (days since the origin) that the samples cover, at a constant cell
     * temperature: day d spans [d, d + 1) days and needs a sample at or before its start and one at or after
     * its end.
     */
    List<SocProfile> wholeDays(long fromDay, double temperatureC) {
        List<SocProfile> days = new ArrayList<>();
        if (seconds.length < 2) {
            return days;
        }
        int i = 0;
        for (long d = fromDay; ; d++) {
            double start = d * SocProfile.SECONDS_PER_DAY;
            double end = start + SocProfile.SECONDS_PER_DAY;
            if (seconds[0] > start || seconds[seconds.length - 1] < end) {
                return days;
            }
            double[] t = new double[seconds.length + 2];
            double[] s = new double[seconds.length + 2];
            int n = 0;
            t[n] = start;
            s[n++] = interpolate(start);
            while (i < seconds.length && seconds[i] <= start) {
                i++;
            }
            while (i < seconds.length && seconds[i] < end) {
                t[n] = seconds[i];
                s[n++] = soc[i++];
            }
            t[n] = end;
            s[n++] = interpolate(end);
            days.add(SocProfile.atTemperature(Arrays.copyOf(t, n), Arrays.copyOf(s, n), temperatureC));
        }
    }

    /**
     * SoC given back to the grid per UTC day: the drops between two samples of the same session whose later
     * sample is after {@code after} (driving happens between sessions and is not counted).
     */
    SortedMap<LocalDate, Double> dischargedSocAfter(Instant after) {
        SortedMap<LocalDate, Double> out = new TreeMap<>();
        for (int i = 1; i < seconds.length; i++) {
            if (times[i].isAfter(after) && session[i].equals(session[i - 1]) && soc[i] < soc[i - 1]) {
                out.merge(LocalDate.ofInstant(times[i], ZoneOffset.UTC), soc[i - 1] - soc[i], Double::sum);
            }
        }
        return out;
    }

    Instant origin() {
        return origin;
    }

    /** As {@code SocProfile}'s own boundary value: linear between the neighbouring samples, exact on a sample. */
    private double interpolate(double at) {
        int hi = Arrays.binarySearch(seconds, at);
        if (hi >= 0) {
            return soc[hi];
        }
        hi = -hi - 1;
        int lo = hi - 1;
        double w = (at - seconds[lo]) / (seconds[hi] - seconds[lo]);
        return soc[lo] + w * (soc[hi] - soc[lo]);
    }
}
