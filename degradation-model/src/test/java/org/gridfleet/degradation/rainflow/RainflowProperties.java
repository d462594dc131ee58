package org.gridfleet.degradation.rainflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class RainflowProperties {

    @Property
    void countShouldConserveHalfCyclesWhenGivenAnySeries(
            @ForAll @Size(min = 0, max = 200) List<@DoubleRange(min = 0, max = 1) Double> soc) {
        // GIVEN
        double[] series = soc.stream().mapToDouble(Double::doubleValue).toArray();

        // WHEN
        List<Cycle> cycles = RainflowCounter.count(series);

        // THEN every range between consecutive turning points is counted exactly once as a half cycle
        double halfCycles = 2.0 * cycles.stream().mapToDouble(Cycle::count).sum();
        assertThat(halfCycles).isEqualTo(Math.max(0, turningPoints(series) - 1));
    }

    @Property
    void countShouldConserveThroughputWhenGivenAnySeries(
            @ForAll @Size(min = 0, max = 200) List<@DoubleRange(min = 0, max = 1) Double> soc) {
        // GIVEN
        double[] series = soc.stream().mapToDouble(Double::doubleValue).toArray();
        double variation = 0.0;
        for (int i = 1; i < series.length; i++) {
            variation += Math.abs(series[i] - series[i - 1]);
        }

        // WHEN
        List<Cycle> cycles = RainflowCounter.count(series);

        // THEN a full cycle moves its range twice, a half cycle once
        double counted = cycles.stream().mapToDouble(c -> 2.0 * c.count() * c.range()).sum();
        assertThat(counted).isCloseTo(variation, within(1e-9));
    }

    /** Independent reduction: first point, every strict reversal, last point; flats dropped. */
    private static int turningPoints(double[] s) {
        int n = 0;
        double[] kept = new double[s.length];
        for (double v : s) {
            if (n > 0 && v == kept[n - 1]) {
                continue;
            }
            if (n >= 2 && (kept[n - 1] - kept[n - 2]) * (v - kept[n - 1]) > 0) {
                kept[n - 1] = v;
            } else {
                kept[n++] = v;
            }
        }
        return n;
    }
}
