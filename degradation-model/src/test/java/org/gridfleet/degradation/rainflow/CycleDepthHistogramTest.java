package org.gridfleet.degradation.rainflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CycleDepthHistogramTest {

    @Test
    void acceptShouldBinCyclesByDepthWhenFedByTheCounter() {
        // GIVEN a day: 0.9 -> 0.3 (drive), a 0.05 regulation wiggle at 0.5, back to 0.9
        double[] soc = {0.9, 0.3, 0.5, 0.45, 0.5, 0.9};
        CycleDepthHistogram histogram = new CycleDepthHistogram(10);
        RainflowCounter counter = new RainflowCounter(histogram);

        // WHEN
        for (double s : soc) {
            counter.add(s);
        }
        counter.residue().forEach(histogram);

        // THEN one full 0.05 cycle (bin 0) and two 0.6 half cycles (bin 6); EFC = Σ|ΔSoC| / 2 = 1.3 / 2
        assertThat(histogram.count(0)).isEqualTo(1.0);
        assertThat(histogram.count(6)).isEqualTo(1.0);
        assertThat(histogram.equivalentFullCycles()).isCloseTo(0.65, within(1e-12));
    }

    @Test
    void acceptShouldPutFullDepthInTheLastBin() {
        // GIVEN
        CycleDepthHistogram histogram = new CycleDepthHistogram(4);

        // WHEN
        histogram.accept(new Cycle(1.0, 0.5, 1.0));

        // THEN
        assertThat(histogram.count(3)).isEqualTo(1.0);
    }

    @Test
    void acceptShouldRejectCyclesDeeperThanFullCharge() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> new CycleDepthHistogram(10).accept(new Cycle(1.5, 0.0, 0.5)))
                .hasMessage("a SoC cycle's depth must be <= 1, but was 1.5");
    }
}
