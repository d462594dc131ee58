package org.gridfleet.market.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.SampledSeries;
import org.junit.jupiter.api.Test;

/** Scoring from fleet kW: requested = baseline − r × awarded; metered measured against the same baseline. */
class ScoreFleetTest {

    private static final double AWARDED_KW = 40;
    private static final double BASELINE_KW = 60;

    @Test
    void scoreFleetShouldMatchSignalScoreWhenBuiltFromFleetPower() {
        // GIVEN the real RegD signal, 40 kW awarded on a 60 kW charging baseline
        SampledSeries regd = RegDFixtures.regd20200722();
        Baseline baseline = new Baseline(regd.start(), Duration.ofDays(1), new double[] {BASELINE_KW});
        SampledSeries requested = fleet(regd, 1.0);
        SampledSeries meteredAtNinety = fleet(regd, 0.9);
        SampledSeries idle = fleet(regd, 0.0);
        DeliveryPeriod hour = DeliveryPeriod.of(regd.start().plus(Duration.ofHours(12)), Duration.ofHours(1));
        PerformanceScorer scorer = new PerformanceScorer(ScoringConfig.ofDefaults());
        // WHEN scored from fleet power
        PerformanceScore perfect = scorer.scoreFleet(baseline, AWARDED_KW, requested, requested, hour);
        PerformanceScore ninety = scorer.scoreFleet(baseline, AWARDED_KW, requested, meteredAtNinety, hour);
        PerformanceScore none = scorer.scoreFleet(baseline, AWARDED_KW, requested, idle, hour);
        // THEN the scores are those of the normalized signal: 1, 0.9667, 0
        assertThat(perfect.composite()).isCloseTo(1.0, within(1e-9));
        assertThat(ninety.composite()).isCloseTo(0.9667, within(5e-5));
        assertThat(none.composite()).isZero();
        // AND the request itself follows the sign convention: signal +1 = 40 kW less import
        assertThat(RegulationDispatch.requestedKw(BASELINE_KW, 1, AWARDED_KW)).isEqualTo(20);
        assertThat(RegulationDispatch.requestedKw(BASELINE_KW, -1, AWARDED_KW)).isEqualTo(100);
    }

    private static SampledSeries fleet(SampledSeries signal, double gain) {
        double[] kw = new double[signal.size()];
        for (int i = 0; i < kw.length; i++) {
            kw[i] = RegulationDispatch.requestedKw(BASELINE_KW, gain * signal.valueAt(i), AWARDED_KW);
        }
        return new SampledSeries(signal.start(), signal.step(), kw);
    }
}
