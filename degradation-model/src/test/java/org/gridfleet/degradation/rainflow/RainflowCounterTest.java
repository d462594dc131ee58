package org.gridfleet.degradation.rainflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RainflowCounterTest {

    @Test
    void countShouldReproduceAstmE1049ExampleWhenGivenItsLoadHistory() {
        // GIVEN the load history of ASTM E1049-85 Fig. 6: A..I
        double[] history = {-2, 1, -3, 5, -1, 3, -4, 4, -2};

        // WHEN
        Map<Double, Double> countByRange = byRange(RainflowCounter.count(history));

        // THEN Table 4 of the standard: range 3: 0.5, 4: 1.5, 6: 0.5, 8: 1.0, 9: 0.5
        assertThat(countByRange).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                3.0, 0.5, 4.0, 1.5, 6.0, 0.5, 8.0, 1.0, 9.0, 0.5)));
    }

    @Test
    void countShouldCloseTheInnerFullCycleWithItsMeanWhenNested() {
        // GIVEN the only full cycle of the ASTM example is -1..3 (mean 1)
        List<Cycle> cycles = RainflowCounter.count(-2, 1, -3, 5, -1, 3, -4, 4, -2);

        // WHEN / THEN
        assertThat(cycles).filteredOn(c -> c.count() == 1.0).containsExactly(new Cycle(4.0, 1.0, 1.0));
    }

    @Test
    void addShouldDropFlatsAndNonReversalsWhenReducingToTurningPoints() {
        // GIVEN the ASTM history with intermediate and repeated samples
        double[] noisy = {-2, -2, 0, 1, 1, -1, -3, 0, 2, 5, -1, 1, 3, 3, -4, 0, 4, 4, -2};

        // WHEN / THEN
        assertThat(byRange(RainflowCounter.count(noisy)))
                .isEqualTo(byRange(RainflowCounter.count(-2, 1, -3, 5, -1, 3, -4, 4, -2)));
    }

    @Test
    void addShouldCountTheSameCyclesWhenTheHistoryIsFedDayByDay() {
        // GIVEN two "days" of a SoC history fed to one streaming counter
        double[] day1 = {0.8, 0.5, 0.6, 0.3, 0.9};
        double[] day2 = {0.4, 0.7, 0.2, 0.8};
        List<Cycle> streamed = new ArrayList<>();
        RainflowCounter counter = new RainflowCounter(streamed::add);

        // WHEN
        for (double v : day1) {
            counter.add(v);
        }
        List<Cycle> residueAfterDay1 = counter.residue();
        for (double v : day2) {
            counter.add(v);
        }
        streamed.addAll(counter.residue());

        // THEN the streamed count equals counting the joined series, and peeking at the residue changed nothing
        assertThat(residueAfterDay1).isNotEmpty();
        assertThat(streamed).containsExactlyElementsOf(
                RainflowCounter.count(0.8, 0.5, 0.6, 0.3, 0.9, 0.4, 0.7, 0.2, 0.8));
    }

    @Test
    void countShouldGiveNothingWhenSeriesIsConstant() {
        // GIVEN / WHEN / THEN
        assertThat(RainflowCounter.count(0.5, 0.5, 0.5)).isEmpty();
    }

    private static Map<Double, Double> byRange(List<Cycle> cycles) {
        Map<Double, Double> counts = new TreeMap<>();
        for (Cycle c : cycles) {
            counts.merge(c.range(), c.count(), Double::sum);
        }
        return counts;
    }
}
