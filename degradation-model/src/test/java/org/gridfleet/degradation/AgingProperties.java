package org.gridfleet.degradation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class AgingProperties {

    @Property(tries = 200)
    void stepShouldNeverRaiseCapacityWhenMoreCyclesAreAdded(@ForAll Chemistry chemistry,
            @ForAll @DoubleRange(min = 0.2, max = 0.8) double meanSoc,
            @ForAll @DoubleRange(min = 0.0, max = 0.4) double depth,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double cRate,
            @ForAll @DoubleRange(min = 10.0, max = 45.0) double temperatureC,
            @ForAll @DoubleRange(min = 0.0, max = 3.0) double fewer,
            @ForAll @DoubleRange(min = 0.0, max = 3.0) double extra,
            @ForAll @DoubleRange(min = 0.0, max = 3000.0) double daysAlready) {
        // GIVEN a cell aged some days at 50 %, then one step with fewer or more cycles
        AgingModel model = chemistry.model();
        AgingState start = model.step(model.initialState(), DayStress.steady(0.5, 25.0, 0.5, 0.2,
                daysAlready / 3000.0));

        // WHEN
        double qFewer = model.step(start, DayStress.steady(meanSoc, temperatureC, depth, cRate, fewer))
                .relativeCapacity();
        double qMore = model.step(start, DayStress.steady(meanSoc, temperatureC, depth, cRate, fewer + extra))
                .relativeCapacity();

        // THEN
        assertThat(qMore).isLessThanOrEqualTo(qFewer);
    }

    @Property(tries = 100)
    void runShouldNeverRaiseCapacityWhenDaysPass(@ForAll Chemistry chemistry,
            @ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = 0, max = 1) Double> hourlySoc,
            @ForAll @DoubleRange(min = 0.0, max = 45.0) double temperatureC) {
        // GIVEN a random SoC trace, one sample per hour, repeated 20 times
        double[] seconds = new double[hourlySoc.size()];
        double[] soc = new double[hourlySoc.size()];
        for (int i = 0; i < soc.length; i++) {
            seconds[i] = 3600.0 * i;
            soc[i] = hourlySoc.get(i);
        }
        SocProfile step = SocProfile.atTemperature(seconds, soc, temperatureC);
        AgingModel model = chemistry.model();
        AgingState state = model.initialState();

        // WHEN / THEN
        for (int i = 0; i < 20; i++) {
            AgingState next = model.step(state, DayStress.of(step));
            assertThat(next.relativeCapacity()).isLessThanOrEqualTo(state.relativeCapacity());
            assertThat(next.equivalentFullCycles()).isGreaterThanOrEqualTo(state.equivalentFullCycles());
            state = next;
        }
    }
}
