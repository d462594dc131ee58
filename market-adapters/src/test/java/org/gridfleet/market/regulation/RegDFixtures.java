package org.gridfleet.market.regulation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.replay.SignalCsvReader;

/** Real PJM RegD days from {@code reference/pjm} and synthetic responses built from them. */
final class RegDFixtures {

    static final Instant DAY_START = Instant.parse("2020-07-22T00:00:00Z");

    private RegDFixtures() {
    }

    /** The RegD signal of 22 July 2020, first row mapped to {@link #DAY_START}. */
    static SampledSeries regd20200722() {
        return SignalCsvReader.read(Path.of("../reference/pjm/regd_2020-07-22_2s.csv"), "regd", DAY_START);
    }

    /** The series scaled by {@code factor}. */
    static SampledSeries scaled(SampledSeries s, double factor) {
        double[] v = s.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return new SampledSeries(s.start(), s.step(), v);
    }

    /** The series delayed by {@code delay} as a pure shift, the first value repeated (MARKET-RULES.md §1.3). */
    static SampledSeries delayed(SampledSeries s, Duration delay) {
        int k = (int) (delay.toNanos() / s.step().toNanos());
        double[] v = s.toArray();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[Math.max(0, i - k)];
        }
        return new SampledSeries(s.start(), s.step(), out);
    }
}
