package org.gridfleet.aggregator.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.gridfleet.degradation.SocProfile;
import org.junit.jupiter.api.Test;

class MeteredSocTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static MeteredSoc.Sample at(long seconds, double soc, String session) {
        return new MeteredSoc.Sample(T0.plusSeconds(seconds), soc, session);
    }

    @Test
    void wholeDaysShouldInterpolateBoundariesAndStopBeforeAnIncompleteDay() {
        // GIVEN samples at 0, 12 h, 36 h (day 1 completes, day 2 does not)
        MeteredSoc m = MeteredSoc.of(T0, List.of(at(0, 0.2, "a"), at(43_200, 0.8, "a"), at(129_600, 0.4, "a")));
        // WHEN
        List<SocProfile> days = m.wholeDays(0, 25.0);
        // THEN
        assertThat(days).hasSize(1);
        SocProfile d = days.get(0);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.secondsAt(2)).isEqualTo(86_400.0);
        assertThat(d.socAt(2)).isCloseTo(0.8 + (0.4 - 0.8) * 0.5, within(1e-12));
    }

    @Test
    void dischargedSocShouldCountDropsWithinASessionOnlyWhenAfterTheMark() {
        // GIVEN a discharge in session a, driving between a and b, a discharge in b
        MeteredSoc m = MeteredSoc.of(T0, List.of(at(0, 0.9, "a"), at(600, 0.7, "a"), at(1200, 0.75, "a"),
                at(90_000, 0.5, "b"), at(90_600, 0.45, "b")));
        // WHEN
        SortedMap<LocalDate, Double> all = m.dischargedSocAfter(T0.minusSeconds(1));
        SortedMap<LocalDate, Double> later = m.dischargedSocAfter(T0.plusSeconds(600));
        // THEN
        assertThat(all.get(LocalDate.of(2026, 11, 20))).isCloseTo(0.2, within(1e-12));
        assertThat(all.get(LocalDate.of(2026, 11, 21))).isCloseTo(0.05, within(1e-12));
        assertThat(later).containsOnlyKeys(LocalDate.of(2026, 11, 21));
    }

    @Test
    void ofShouldDropSamplesWhoseTimeDoesNotIncrease() {
        // WHEN
        MeteredSoc m = MeteredSoc.of(T0, List.of(at(0, 0.5, "a"), at(0, 0.6, "a"), at(60, 0.5, "a")));
        // THEN
        assertThat(m.dischargedSocAfter(T0.minusSeconds(1))).isEmpty();
        assertThat(m.last()).isEqualTo(T0.plusSeconds(60));
    }
}
