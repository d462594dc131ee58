package org.gridfleet.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SocProfileTest {

    @Test
    void ofShouldRejectSocAboveOneWhenNamingTheSample() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> SocProfile.atTemperature(new double[] {0, 60}, new double[] {0.5, 1.2}, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("soc[1] must be within 0..1, but was 1.2");
    }

    @Test
    void ofShouldRejectTimeGoingBackWhenNamingTheSample() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> SocProfile.atTemperature(new double[] {0, 60, 60}, new double[] {0.5, 0.5, 0.5}, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seconds[2] = 60.0 follows 60.0");
    }

    @Test
    void ofShouldRejectASingleSampleWhenThereIsNoInterval() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> SocProfile.atTemperature(new double[] {0}, new double[] {0.5}, 25))
                .hasMessageContaining("at least 2 samples");
    }

    @Test
    void daysShouldSplitAtDayBoundariesWhenProfileSpansMoreThanADay() {
        // GIVEN 36 h with samples at 0, 12, 30 and 36 h
        SocProfile profile = SocProfile.atTemperature(new double[] {0, 43200, 108000, 129600},
                new double[] {0.2, 0.4, 0.7, 0.8}, 25);

        // WHEN
        List<SocProfile> days = profile.days();

        // THEN the boundary at 86400 s is interpolated between 43200 s (0.4) and 108000 s (0.7)
        assertThat(days).hasSize(2);
        assertThat(days.get(0).size()).isEqualTo(3);
        assertThat(days.get(0).secondsAt(2)).isEqualTo(86400.0);
        assertThat(days.get(0).socAt(2)).isCloseTo(0.4 + 0.3 * (43200.0 / 64800.0), within(1e-12));
        assertThat(days.get(1).secondsAt(0)).isEqualTo(86400.0);
        assertThat(days.get(1).socAt(0)).isEqualTo(days.get(0).socAt(2));
        assertThat(days.get(1).size()).isEqualTo(3);
        assertThat(days.get(1).durationSeconds()).isEqualTo(43200.0);
    }
}
