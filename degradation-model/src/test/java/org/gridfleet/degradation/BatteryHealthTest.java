package org.gridfleet.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BatteryHealthTest {
    private static final BatteryPack LFP_60KWH = new BatteryPack(Chemistry.LFP_250AH, 60.0);

    @Test
    void afterMeteredShouldAgeTheSameWhenHistoryArrivesDayByDayOrAtOnce() {
        // GIVEN two days of metered SoC
        SocProfile twoDays = SocProfile.atTemperature(new double[] {0, 30000, 86400, 120000, 172800},
                new double[] {0.9, 0.4, 0.7, 0.2, 0.6}, 30.0);
        BatteryHealth fresh = BatteryHealth.fresh(LFP_60KWH);

        // WHEN
        BatteryHealth atOnce = fresh.afterMetered(twoDays);
        BatteryHealth dayByDay = fresh.afterMetered(twoDays.days().get(0)).afterMetered(twoDays.days().get(1));

        // THEN
        assertThat(atOnce.relativeCapacity()).isLessThan(1.0).isEqualTo(dayByDay.relativeCapacity());
        assertThat(atOnce.state().equivalentFullCycles()).isEqualTo(dayByDay.state().equivalentFullCycles());
        assertThat(atOnce.state().days()).isEqualTo(2.0);
        assertThat(atOnce.usableEnergyKwh()).isCloseTo(60.0 * atOnce.relativeCapacity(), within(1e-12));
    }

    @Test
    void remainingLifeYearsShouldFollowTheCalendarLawWhenStoredAtConstantSoc() {
        // GIVEN LFP stored at 50 %, 25 °C: loss = kcal·days^0.526
        double kcal = LfpGraphite250Ah.calendarRate(298.15, AnodePotential.volts(0.5));
        double expectedDays = Math.pow(0.2 / kcal, 1.0 / 0.526);

        // WHEN
        OptionalDouble years = BatteryHealth.fresh(LFP_60KWH)
                .remainingLifeYears(SocProfile.constantDay(0.5, 25.0), 0.8, 1000);

        // THEN
        assertThat(years).isPresent();
        assertThat(years.getAsDouble()).isCloseTo(expectedDays / 365.0, within(0.01));
    }

    @Test
    void remainingLifeYearsShouldBeEmptyWhenEndOfLifeIsBeyondTheHorizon() {
        // GIVEN / WHEN
        OptionalDouble years = BatteryHealth.fresh(LFP_60KWH)
                .remainingLifeYears(SocProfile.constantDay(0.5, 25.0), 0.8, 5);

        // THEN
        assertThat(years).isEmpty();
    }
}
