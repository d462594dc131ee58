package org.gridfleet.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DayStressTest {

    @Test
    void ofShouldComputeBlastLiteStressorsWhenGivenAShortExcursion() {
        // GIVEN 0.5 -> 0.6 -> 0.5 over two hours, then rest until the end of the day
        SocProfile day = SocProfile.atTemperature(new double[] {0, 3600, 7200, 86400},
                new double[] {0.5, 0.6, 0.5, 0.5}, 25.0);

        // WHEN
        DayStress stress = DayStress.of(day);

        // THEN interval C-rates [0.1, 0.1, 0] integrated on t[1:] = [1/24, 2/24, 1] day:
        //      0.1·1/24 + 0.05·22/24 = 0.05
        assertThat(stress.cRate(1.0)).isCloseTo(0.05, within(1e-15));
        assertThat(stress.cRate(0.9)).isCloseTo(0.045, within(1e-15));
        assertThat(stress.equivalentFullCycles(1.0)).isCloseTo(0.1, within(1e-15));
        assertThat(stress.equivalentFullCycles(0.8)).isCloseTo(0.08, within(1e-15));
        assertThat(stress.depthOfDischarge()).isCloseTo(0.1, within(1e-15));
        assertThat(stress.meanSoc()).isCloseTo(0.525, within(1e-15));
        assertThat(stress.durationDays()).isEqualTo(1.0);
    }

    @Test
    void cRateShouldIgnoreIntervalsBelowOnePercentPerHourWhenChargingSlowly() {
        // GIVEN 0.005 per hour all day
        SocProfile day = SocProfile.atTemperature(new double[] {0, 3600, 7200}, new double[] {0.5, 0.505, 0.51}, 25);

        // WHEN / THEN
        assertThat(DayStress.of(day).cRate(1.0)).isZero();
    }

    @Test
    void timeAverageShouldWeightSamplesByTrapezoidsWhenSpacingIsUneven() {
        // GIVEN temperatures 20, 30, 30 °C at 0, 1, 3 h
        SocProfile day = SocProfile.of(new double[] {0, 3600, 10800}, new double[] {0.5, 0.5, 0.5},
                new double[] {20, 30, 30});

        // WHEN average of T in °C
        double mean = DayStress.of(day).timeAverage((soc, tk, ua) -> tk - 273.15);

        // THEN (25·1 + 30·2) / 3
        assertThat(mean).isCloseTo(85.0 / 3.0, within(1e-12));
    }
}
