package org.gridfleet.market.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.SampledSeries;

/** Invariants of the PJM score over random signals and responses. */
class PerformanceScoreProperties {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final DeliveryPeriod TEST_PERIOD = DeliveryPeriod.of(T0, Duration.ofMinutes(20));
    /** 20 min scored + 5 min of delay search, at 10 s. */
    private static final int SAMPLES = 150;
    private final PerformanceScorer scorer = new PerformanceScorer(ScoringConfig.ofDefaults());

    @Provide
    Arbitrary<double[]> series() {
        return Arbitraries.doubles().between(-1, 1).array(double[].class).ofSize(SAMPLES);
    }

    @Property(tries = 200)
    void scoreShouldStayInUnitIntervalWhenInputsAreArbitrary(@ForAll("series") double[] signal,
                                                             @ForAll("series") double[] response) {
        PerformanceScore s = scorer.score(series(signal), series(response), TEST_PERIOD);
        assertThat(s.composite()).isBetween(0.0, 1.0);
        assertThat(s.composite()).isCloseTo((s.accuracy() + s.delay() + s.precision()) / 3, within(1e-12));
    }

    @Property(tries = 200)
    void scoreShouldBeOneWhenResponseIsTheSignalItself(@ForAll("series") double[] signal) {
        PerformanceScore s = scorer.score(series(signal), series(signal), TEST_PERIOD);
        assertThat(s.composite()).isCloseTo(1.0, within(1e-9));
    }

    @Property(tries = 100)
    void scoreShouldNotRiseWhenTheSameResponseIsDelayedFurther(@ForAll("series") double[] signal,
                                                              @ForAll @IntRange(min = 1, max = 6) int steps,
                                                              @ForAll @DoubleRange(min = 0.5, max = 1) double gain) {
        double[] late = new double[signal.length];
        for (int i = 0; i < late.length; i++) {
            late[i] = gain * signal[Math.max(0, i - steps)];
        }
        double onTime = scorer.score(series(signal), series(scaled(signal, gain)), TEST_PERIOD).delay();
        double delayed = scorer.score(series(signal), series(late), TEST_PERIOD).delay();
        assertThat(delayed).isLessThanOrEqualTo(onTime);
    }

    private static double[] scaled(double[] v, double gain) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= gain;
        }
        return out;
    }

    private static SampledSeries series(double[] v) {
        return SampledSeries.of(T0, Duration.ofSeconds(10), v);
    }
}
