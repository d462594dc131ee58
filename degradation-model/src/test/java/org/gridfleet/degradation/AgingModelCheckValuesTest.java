package org.gridfleet.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reproduces the BLAST-Lite check values quoted in reference/MODELS.md section 5. */
class AgingModelCheckValuesTest {
    private static final double KELVIN_25C = 298.15;

    @Test
    void anodePotentialShouldMatchCheckValueWhenHalfCharged() {
        // GIVEN / WHEN
        double ua = AnodePotential.volts(0.5);

        // THEN
        assertThat(ua).isCloseTo(0.1233036767, within(1e-10));
    }

    @Test
    void anodePotentialShouldFollowTheTabulatedCurveWhenSocVaries() {
        // GIVEN
        double[] soc = {0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        double[] volts = {0.2332, 0.1488, 0.1233, 0.1189, 0.1084, 0.0943, 0.0882, 0.0864};

        // WHEN / THEN
        for (int i = 0; i < soc.length; i++) {
            assertThat(AnodePotential.volts(soc[i])).as("Ua(%s)", soc[i]).isCloseTo(volts[i], within(5e-5));
        }
    }

    @Test
    void kokamCalendarRateShouldMatchCheckValuesWhenAt25C() {
        // GIVEN / WHEN
        double halfCharged = Nmc111Kokam75Ah.calendarRate(KELVIN_25C, AnodePotential.volts(0.5));
        double ninetyPercent = Nmc111Kokam75Ah.calendarRate(KELVIN_25C, AnodePotential.volts(0.9));

        // THEN
        assertThat(halfCharged).isCloseTo(1.232597e-3, within(1e-9));
        assertThat(ninetyPercent).isCloseTo(5.73498e-3, within(1e-8));
    }

    @Test
    void kokamShouldKeep0976950After10YearsWhenStoredAt25CAndHalfCharged() {
        // GIVEN
        AgingSimulation simulation = new AgingSimulation(new Nmc111Kokam75Ah());

        // WHEN
        List<AgingState> years = simulation.repeatDaily(SocProfile.constantDay(0.5, 25.0), 10);

        // THEN
        assertThat(years).hasSize(10);
        assertThat(years.get(9).relativeCapacity()).isCloseTo(0.976950, within(1e-6));
        assertThat(years.get(9).equivalentFullCycles()).isZero();
        assertThat(years.get(9).days()).isEqualTo(3650.0);
    }

    @Test
    void lfpCalendarRateShouldMatchCheckValueWhenAt25CAndHalfCharged() {
        // GIVEN / WHEN
        double kcal = LfpGraphite250Ah.calendarRate(KELVIN_25C, AnodePotential.volts(0.5));

        // THEN
        assertThat(kcal).isCloseTo(4.9462e-4, within(1e-8));
    }

    @Test
    void lfpCycleRateShouldMatchCheckValueWhenHalfDepthAtOneTwentyFourthC() {
        // GIVEN / WHEN
        double kcyc = LfpGraphite250Ah.cycleRate(0.5, 0.041667, KELVIN_25C);

        // THEN
        assertThat(kcyc).isCloseTo(9.069e-5, within(1e-8));
    }

    @Test
    void lfpShouldKeep0963003After10YearsWhenStoredAt25CAndHalfCharged() {
        // GIVEN
        AgingSimulation simulation = new AgingSimulation(new LfpGraphite250Ah());

        // WHEN
        List<AgingState> years = simulation.repeatDaily(SocProfile.constantDay(0.5, 25.0), 10);

        // THEN
        assertThat(years.get(9).relativeCapacity()).isCloseTo(0.963003, within(1e-6));
        assertThat(years.get(9).relativeResistance()).isNaN();
    }
}
