package org.gridfleet.loadtest.wire;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Signal-to-setpoint latency as the chargers see it. A round starts when a signal is sent (wall clock, so the
 * sender may be another process on the machine) and expects the chargers in session at that moment; each
 * charger's first control message after the start counts once. When the last expected charger has its
 * message, the round's latency is recorded. A round still open when the next signal goes out is incomplete.
 */
public final class FanOutTracker {
  private final Clock clock;
  private final Recorder perCharger = new Recorder(WireMetrics.MAX_MICROS, 3);
  private final Recorder lastCharger = new Recorder(WireMetrics.MAX_MICROS, 3);
  private int round;
  private long startMicros;
  private int expected;
  private int delivered;
  private long rounds;
  private long completeRounds;

  public FanOutTracker(Clock clock) {
    this.clock = clock;
  }

  /** A signal went out at {@code sentAt}; {@code expectedChargers} should each get a new control value. */
  public synchronized void signalSent(Instant sentAt, int expectedChargers) {
    round++;
    rounds++;
    startMicros = micros(sentAt);
    expected = expectedChargers;
    delivered = 0;
  }

  /**
   * A charger received a control value now.
   *
   * @param lastRoundSeen the round this charger was last counted in (0 = never)
   * @return the round it is counted in now
   */
  synchronized int delivered(int lastRoundSeen) {
    if (round == 0 || lastRoundSeen == round) {
      return lastRoundSeen;
    }
    long latency = Math.max(1, Math.min(WireMetrics.MAX_MICROS, micros(clock.instant()) - startMicros));
    perCharger.recordValue(latency);
    delivered++;
    if (delivered == expected) {
      lastCharger.recordValue(latency);
      completeRounds++;
    }
    return round;
  }

  /** Latency from the signal to each charger's control message, µs, since the previous take. */
  public Histogram takePerCharger() {
    return perCharger.getIntervalHistogram();
  }

  /** Latency from the signal to the last expected charger's control message, one value per complete round. */
  public Histogram takeLastCharger() {
    return lastCharger.getIntervalHistogram();
  }

  /** Rounds started and rounds whose every expected charger got its value, since start. */
  public synchronized Rounds rounds() {
    return new Rounds(rounds, completeRounds);
  }

  /** @param started signals sent; @param complete rounds that reached every expected charger */
  public record Rounds(long started, long complete) {}

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }
}
