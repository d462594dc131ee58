package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.gridfleet.v2g.control.ArrivalForecast.ExpectedArrival;
import org.junit.jupiter.api.Test;

class SessionHistoryForecastTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    /** Local time {@code hh:mm} on 2026-01-{@code day} in Los Angeles (the 5th is a Monday). */
    private static Instant la(int day, String hhmm) {
        return java.time.LocalDateTime.parse(String.format("2026-01-%02dT%s", day, hhmm)).atZone(LA).toInstant();
    }

    private static void workday(SessionHistoryForecast f, int day, double kwh) {
        f.record("garage", la(day, "09:00"), la(day, "17:00"), kwh, 7, 0.9);
    }

    @Test
    void expectedShouldAverageTheLastDaysOfTheSameKindAtTheSameLocalTime() {
        // GIVEN three weekdays of one 09:00-17:00 session each, needing 10, 20 and 30 kWh; two days averaged
        var forecast = new SessionHistoryForecast(2, LA, 1.0);
        workday(forecast, 5, 10);
        workday(forecast, 6, 20);
        workday(forecast, 7, 30);
        // WHEN Thursday is forecast
        List<ExpectedArrival> out = forecast.expected("garage", la(8, "00:00"), la(9, "00:00"));
        // THEN one expected arrival at 09:00 local with the mean of Tuesday and Wednesday
        assertThat(out).hasSize(1);
        assertThat(out.get(0).arrival()).isEqualTo(la(8, "09:00"));
        assertThat(out.get(0).departure()).isEqualTo(la(8, "17:00"));
        assertThat(out.get(0).energyKwh()).isCloseTo(25, within(1e-9));
        assertThat(out.get(0).maxChargeKw()).isCloseTo(7, within(1e-9));
        assertThat(out.get(0).efficiency()).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void expectedShouldForecastAWeekendDayFromWeekendsOnly() {
        // GIVEN weekdays needing 30 kWh and one Saturday needing 4 kWh
        var forecast = new SessionHistoryForecast(4, LA, 1.0);
        workday(forecast, 8, 30);
        workday(forecast, 9, 30);
        forecast.record("garage", la(10, "11:00"), la(10, "13:00"), 4, 7, 0.9);
        // WHEN Sunday and Monday are forecast
        List<ExpectedArrival> sunday = forecast.expected("garage", la(11, "00:00"), la(12, "00:00"));
        List<ExpectedArrival> monday = forecast.expected("garage", la(12, "00:00"), la(13, "00:00"));
        // THEN Sunday looks like Saturday, Monday like the weekdays
        assertThat(sunday).extracting(ExpectedArrival::energyKwh).containsExactly(4.0);
        assertThat(monday).extracting(ExpectedArrival::energyKwh).containsExactly(30.0);
    }

    @Test
    void expectedShouldLeaveOutArrivalsAtOrBeforeTheStartAndScaleByThePlanShare() {
        // GIVEN one weekday with sessions at 08:00, 09:00 and 10:00, planned at half their weight
        var forecast = new SessionHistoryForecast(1, LA, 0.5);
        for (String at : List.of("08:00", "09:00", "10:00")) {
            forecast.record("garage", la(5, at), la(5, "18:00"), 12, 6, 1.0);
        }
        // WHEN Tuesday is forecast from 09:00 (a vehicle due then is already among those present)
        List<ExpectedArrival> out = forecast.expected("garage", la(6, "09:00"), la(7, "00:00"));
        // THEN only the 10:00 arrival, half of it
        assertThat(out).hasSize(1);
        assertThat(out.get(0).arrival()).isEqualTo(la(6, "10:00"));
        assertThat(out.get(0).energyKwh()).isCloseTo(6, within(1e-9));
        assertThat(out.get(0).maxChargeKw()).isCloseTo(3, within(1e-9));
    }

    @Test
    void expectedShouldNeverAskMoreThanTheSlottedVisitCanTakeAtFullPower() {
        // GIVEN a visit 09:10-09:40 needing 3 kWh at 6 kW: its 15-minute slots are 09:00-09:30
        var forecast = new SessionHistoryForecast(1, LA, 1.0);
        forecast.record("garage", la(5, "09:10"), la(5, "09:40"), 3, 6, 1.0);
        // WHEN
        List<ExpectedArrival> out = forecast.expected("garage", la(6, "00:00"), la(7, "00:00"));
        // THEN it asks 6 kW x 0.5 h = 3 kWh at most, reachable
        assertThat(out).hasSize(1);
        assertThat(out.get(0).energyKwh()).isLessThanOrEqualTo(6 * 0.5 + 1e-9);
        assertThat(out.get(0).departure()).isEqualTo(la(6, "09:30"));
    }

    @Test
    void expectedShouldBeEmptyForASiteWithoutHistoryAndRecordShouldIgnoreEmptyVisits() {
        // GIVEN a visit that charged nothing
        var forecast = new SessionHistoryForecast(4, LA, 1.0);
        forecast.record("garage", la(5, "09:00"), la(5, "10:00"), 0, 7, 0.9);
        // WHEN / THEN
        assertThat(forecast.expected("garage", la(6, "00:00"), la(7, "00:00"))).isEmpty();
        assertThat(forecast.expected("depot", la(6, "00:00"), la(7, "00:00"))).isEmpty();
    }

    @Test
    void constructorShouldRejectImpossibleSettings() {
        assertThatThrownBy(() -> new SessionHistoryForecast(0, LA, 1.0)).hasMessageContaining("days");
        assertThatThrownBy(() -> new SessionHistoryForecast(4, LA, 0)).hasMessageContaining("planShare");
        assertThatThrownBy(() -> new SessionHistoryForecast(4, LA, 1.5)).hasMessageContaining("planShare");
    }
}
