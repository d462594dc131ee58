package org.gridfleet.loadtest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FanOutTrackerTest {
  private static final Instant T0 = Instant.parse("2026-11-28T18:00:00Z");

  @Test
  void roundShouldRecordTheLastChargersLatencyWhenEveryExpectedChargerGotItsValue() {
    // GIVEN a signal expected at two chargers
    MutableClock clock = new MutableClock(T0);
    FanOutTracker tracker = new FanOutTracker(clock);
    tracker.signalSent(T0, 2);

    // WHEN one charger gets its value after 10 ms (twice), the other after 40 ms
    clock.now = T0.plusMillis(10);
    int first = tracker.delivered(0);
    tracker.delivered(first);
    clock.now = T0.plusMillis(40);
    tracker.delivered(0);

    // THEN each charger counts once, and the round's latency is the last one's
    assertThat(tracker.rounds()).isEqualTo(new FanOutTracker.Rounds(1, 1));
    assertThat(tracker.takePerCharger().getTotalCount()).isEqualTo(2);
    assertThat(tracker.takeLastCharger().getMaxValue()).isBetween(39_900L, 40_100L);
  }

  @Test
  void roundShouldStayIncompleteWhenTheNextSignalGoesOutFirst() {
    // GIVEN a signal expected at two chargers, only one reached
    MutableClock clock = new MutableClock(T0);
    FanOutTracker tracker = new FanOutTracker(clock);
    tracker.signalSent(T0, 2);
    int seen = tracker.delivered(0);

    // WHEN the next signal is sent and the same charger gets it
    tracker.signalSent(T0.plusSeconds(2), 2);
    clock.now = T0.plusSeconds(2).plusMillis(5);
    tracker.delivered(seen);

    // THEN no round completed
    assertThat(tracker.rounds()).isEqualTo(new FanOutTracker.Rounds(2, 0));
    assertThat(tracker.takeLastCharger().getTotalCount()).isZero();
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
