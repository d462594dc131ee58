package org.gridfleet.market.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** The P90 capacity is available in at least 90 % of the samples and no larger capacity is. */
class ReliableCapacityProperties {

    @Property
    void fromSamplesShouldBeTheLargestCapacityMeetingTheProbability(
            @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 1000) Double> samples,
            @ForAll @DoubleRange(min = 0.01, max = 1) double probability) {
        double[] kw = samples.stream().mapToDouble(Double::doubleValue).toArray();
        double c = ReliableCapacity.fromSamples(kw, probability);
        long atOrAbove = samples.stream().filter(v -> v >= c).count();
        assertThat(atOrAbove).isGreaterThanOrEqualTo((long) Math.ceil(probability * kw.length - 1e-9));
        double nextLarger = samples.stream().mapToDouble(Double::doubleValue).filter(v -> v > c).min()
                .orElse(Double.NaN);
        if (!Double.isNaN(nextLarger)) {
            long atOrAboveNext = samples.stream().filter(v -> v >= nextLarger).count();
            assertThat(atOrAboveNext).isLessThan((long) Math.ceil(probability * kw.length - 1e-9));
        }
    }
}
