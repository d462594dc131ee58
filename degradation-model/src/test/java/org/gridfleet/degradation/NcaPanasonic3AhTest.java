package org.gridfleet.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NcaPanasonic3AhTest {
    private final NcaPanasonic3Ah model = new NcaPanasonic3Ah();

    @Test
    void stepShouldFollowClosedFormThenVirtualTimeWhenStoredAtConstantSoc() {
        // GIVEN 25 °C, 80 %: k = 75.4·exp(−3340/298.15)·exp(353·0.8/298.15)
        double k = 75.4 * Math.exp(-3340.0 / 298.15) * Math.exp(353.0 * 0.8 / 298.15);
        DayStress day = DayStress.of(SocProfile.constantDay(0.8, 25.0));

        // WHEN
        AgingState one = model.step(model.initialState(), day);
        AgingState two = model.step(one, day);

        // THEN day 1: k·1^0.512; day 2 from virtual time x = 1: slope k·0.512
        assertThat(one.relativeCapacity()).isCloseTo(1.0 - k, within(1e-15));
        assertThat(two.relativeCapacity()).isCloseTo(1.0 - k - k * 0.512, within(1e-15));
    }

    @Test
    void stepShouldAddCycleLossWhenTheDayCycles() {
        // GIVEN 0.9 -> 0.4 -> 0.9 over 12 h at 25 °C: EFC 0.5, DoD 0.5
        SocProfile cycling = SocProfile.atTemperature(new double[] {0, 21600, 43200, 86400},
                new double[] {0.9, 0.4, 0.9, 0.9}, 25.0);
        DayStress day = DayStress.of(cycling);
        double kcal = day.timeAverage((soc, tk, ua) -> NcaPanasonic3Ah.calendarRate(tk, soc));
        double kcyc = (1.86e-6 + 4.74e-11 * day.cRate(1.0) + 1.77e-4 * 0.5)
                * (Math.exp(3.34e-11 / 298.15) + Math.exp(-2.81e-9 / 298.15));

        // WHEN
        AgingState after = model.step(model.initialState(), day);

        // THEN
        assertThat(after.equivalentFullCycles()).isCloseTo(0.5, within(1e-15));
        assertThat(after.relativeCapacity()).isCloseTo(1.0 - kcal - kcyc * Math.pow(0.5, 0.699), within(1e-15));
    }
}
