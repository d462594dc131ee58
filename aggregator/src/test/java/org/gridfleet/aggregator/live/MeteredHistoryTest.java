package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeteredHistoryTest {

    private static final Duration TICK = Duration.ofSeconds(5);

    @Test
    void usageShouldSumEnergyOfTheTargetSitesInsideTheWindowWhenTicksCoverIt() {
        // GIVEN ten minutes of ticks: site a at 36 kW, site b at 12 kW
        MeteredHistory history = new MeteredHistory();
        for (int i = 0; i < 120; i++) {
            history.record(NOW.plus(TICK.multipliedBy(i)), TICK, Map.of("a", 36.0, "b", 12.0));
        }
        // WHEN the first five minutes of site a, and of both sites, are read
        MeteredHistory.Usage a = history.usage("a"::equals, NOW, NOW.plusSeconds(300)).orElseThrow();
        MeteredHistory.Usage both = history.usage(s -> true, NOW, NOW.plusSeconds(300)).orElseThrow();
        // THEN 36 kW for 5 min is 3 kWh, both sites 4 kWh, averaging their summed power
        assertThat(a.energyKwh()).isCloseTo(3.0, within(1e-9));
        assertThat(both.energyKwh()).isCloseTo(4.0, within(1e-9));
        assertThat(both.averageKw()).isCloseTo(48.0, within(1e-9));
    }

    @Test
    void usageShouldBeEmptyWhenNoTickCoveredTheWindowOrTheSite() {
        MeteredHistory history = new MeteredHistory();
        history.record(NOW, TICK, Map.of("a", 10.0));
        assertThat(history.usage("a"::equals, NOW.plusSeconds(3600), NOW.plusSeconds(7200))).isEmpty();
        assertThat(history.usage("b"::equals, NOW, NOW.plusSeconds(60))).isEmpty();
        assertThat(history.usage("a"::equals, NOW, NOW)).isEmpty();
    }

    @Test
    void recordShouldForgetMinutesOlderThanTheKeptSpan() {
        MeteredHistory history = new MeteredHistory();
        history.record(NOW, TICK, Map.of("a", 10.0));
        history.record(NOW.plus(MeteredHistory.KEPT).plusSeconds(120), TICK, Map.of("a", 10.0));
        assertThat(history.usage("a"::equals, NOW, NOW.plusSeconds(60))).isEmpty();
    }
}
