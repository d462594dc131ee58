package org.gridfleet.loadtest.wire;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the simulated fleet observes, recorded from all event loops: OCPP round-trip time (CALL sent to its
 * CALLRESULT) per action in microseconds, frame counters, and live connection / session gauges.
 */
public final class WireMetrics {
  /** Longest round trip a histogram holds, µs; longer ones are clamped (they are timeouts anyway). */
  static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(120);

  private final Map<String, Recorder> rttByAction = new ConcurrentHashMap<>();
  final LongAdder framesSent = new LongAdder();
  final LongAdder framesReceived = new LongAdder();
  final LongAdder callErrors = new LongAdder();
  final LongAdder callTimeouts = new LongAdder();
  final LongAdder connectFailures = new LongAdder();
  final LongAdder bootsAccepted = new LongAdder();
  final LongAdder meterValuesAcked = new LongAdder();
  final LongAdder controlsReceived = new LongAdder();
  final AtomicInteger connectionsOpen = new AtomicInteger();
  final AtomicInteger sessionsActive = new AtomicInteger();

  void roundTrip(String action, long micros) {
    rttByAction.computeIfAbsent(action, a -> new Recorder(MAX_MICROS, 3))
        .recordValue(Math.max(1, Math.min(MAX_MICROS, micros)));
  }

  /** Round-trip histograms per action since the previous call (each call starts a new interval). */
  public Map<String, Histogram> takeRoundTrips() {
    Map<String, Histogram> out = new TreeMap<>();
    rttByAction.forEach((action, recorder) -> out.put(action, recorder.getIntervalHistogram()));
    return out;
  }

  /** Counters and gauges now. */
  public Counters counters() {
    return new Counters(framesSent.sum(), framesReceived.sum(), callErrors.sum(), callTimeouts.sum(),
        connectFailures.sum(), bootsAccepted.sum(), meterValuesAcked.sum(), controlsReceived.sum(),
        connectionsOpen.get(), sessionsActive.get());
  }

  /**
   * A snapshot of the counters (totals since start) and gauges.
   *
   * @param framesSent       OCPP frames the chargers wrote
   * @param framesReceived   OCPP frames the chargers read
   * @param callErrors       CALLERRORs received for the chargers' CALLs
   * @param callTimeouts     chargers' CALLs left unanswered for the call timeout
   * @param connectFailures  handshakes refused or failed, and attempts abandoned (not in session within twice
   *                         the call timeout)
   * @param bootsAccepted    BootNotifications answered Accepted
   * @param meterValuesAcked periodic meter values answered
   * @param controlsReceived TxProfiles and dynamic schedule updates received
   * @param connectionsOpen  WebSocket connections held now
   * @param sessionsActive   chargers with a started transaction now
   */
  public record Counters(long framesSent, long framesReceived, long callErrors, long callTimeouts,
      long connectFailures, long bootsAccepted, long meterValuesAcked, long controlsReceived,
      int connectionsOpen, int sessionsActive) {

    /** Frames per second both ways between this snapshot and a later one. */
    public double framesPerSecondUntil(Counters later, double seconds) {
      return (later.framesSent + later.framesReceived - framesSent - framesReceived) / seconds;
    }
  }
}
