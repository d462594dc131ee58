package org.gridfleet.loadtest.wire;

import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the plan for one fleet size: connect, hold with meter values, replay signals and measure the fan-out,
 * optionally a reconnect storm, then disconnect. Bounded: every wait has a deadline.
 */
final class WireScenario {
  private static final Logger LOG = LoggerFactory.getLogger(WireScenario.class);
  /** After the last signal, wait this long for late control messages before reading the fan-out. */
  private static final Duration DRAIN = Duration.ofSeconds(3);
  /**
   * After warm-up signals, the window that measures each process's background CPU rate: one WebSocket ping period
   * of the gateway (30 s by default), whose burst of pings and pongs a shorter window would catch or miss by chance.
   */
  private static final Duration QUIET = Duration.ofSeconds(30);
  /** Signals sent after a storm until one reaches every charger again. */
  private static final int MAX_SIGNALS_AFTER_STORM = 30;

  private final Vertx vertx;
  private final Clock clock;
  private final ScenarioPlan plan;
  private final Function<ChargerFleetSimulator, RegulationSignalReplayer> replayers;
  private final long serverPid;

  /**
   * @param replayers opens a signal replayer for a fleet, or returns null when no signal face is targeted
   * @param serverPid the server's process id for CPU/RSS, or 0 when unknown
   */
  WireScenario(Vertx vertx, Clock clock, ScenarioPlan plan,
      Function<ChargerFleetSimulator, RegulationSignalReplayer> replayers, long serverPid) {
    this.vertx = vertx;
    this.clock = clock;
    this.plan = plan;
    this.replayers = replayers;
    this.serverPid = serverPid;
  }

  FleetSizeResult run(SimulatorConfig config) throws InterruptedException {
    long self = ProcessHandle.current().pid();
    try (ChargerFleetSimulator fleet = new ChargerFleetSimulator(vertx, config, clock)) {
      long t0 = System.nanoTime();
      int inSession = fleet.connectAll(plan.connectTimeout());
      double connectSeconds = seconds(t0);
      LOG.info("{} chargers: {} in session after {} s", config.chargers(), inSession, connectSeconds);

      fleet.metrics().takeRoundTrips(); // the connect burst is not steady state
      WireMetrics.Counters before = fleet.metrics().counters();
      ProcessUsage simBefore = ProcessUsage.of(self);
      ProcessUsage serverBefore = serverPid > 0 ? ProcessUsage.of(serverPid) : null;
      long holdStart = System.nanoTime();
      TimeUnit.NANOSECONDS.sleep(plan.hold().toNanos());
      double holdSeconds = seconds(holdStart);
      WireMetrics.Counters after = fleet.metrics().counters();
      Map<String, LatencySummary> steadyRoundTrips = summaries(fleet.metrics().takeRoundTrips());
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      FleetSizeResult.Usage simulator = usage(simBefore, ProcessUsage.of(self), holdSeconds);
      FleetSizeResult.Usage server = serverBefore == null ? null
          : usage(serverBefore, ProcessUsage.of(serverPid), holdSeconds);
      LOG.info("hold {} s: {} connections, {} frames/s", holdSeconds, after.connectionsOpen(),
          before.framesPerSecondUntil(after, holdSeconds));

      FleetSizeResult.FanOut fanOut = null;
      FleetSizeResult.Storm storm = null;
      RegulationSignalReplayer replayer = plan.signals() > 0 ? replayers.apply(fleet) : null;
      try {
        if (replayer != null) {
          fanOut = fanOut(fleet, replayer, self, simulator, server);
        }
        if (plan.storm()) {
          storm = storm(fleet, replayer);
        }
      } finally {
        if (replayer != null) {
          replayer.close();
        }
      }
      Map<String, LatencySummary> loadedRoundTrips = summaries(fleet.metrics().takeRoundTrips());
      WireMetrics.Counters end = fleet.metrics().counters();
      return new FleetSizeResult(config.chargers(), inSession, connectSeconds, holdSeconds, after.connectionsOpen(),
          before.framesPerSecondUntil(after, holdSeconds),
          (after.meterValuesAcked() - before.meterValuesAcked()) / holdSeconds, steadyRoundTrips, loadedRoundTrips,
          fanOut, storm,
          simulator, server, end.callErrors(), end.callTimeouts(), end.connectFailures(), load);
    }
  }

  /**
   * @param simHold    the simulator's usage during the hold: its CPU rate there (meter values) is subtracted,
   *                   unless warm-up signals are sent: then the rate of a quiet window after them is
   * @param serverHold the server's, or null when its pid is unknown
   */
  private FleetSizeResult.FanOut fanOut(ChargerFleetSimulator fleet, RegulationSignalReplayer replayer, long self,
      FleetSizeResult.Usage simHold, FleetSizeResult.Usage serverHold) throws InterruptedException {
    FanOutTracker tracker = fleet.tracker();
    FleetSizeResult.Usage simBackground = simHold;
    FleetSizeResult.Usage serverBackground = serverHold;
    if (plan.warmupSignals() > 0) {
      replayer.replay(plan.warmupSignals());
      TimeUnit.NANOSECONDS.sleep(DRAIN.toNanos());
      // The hold right after connecting still pays for JIT and GC of the connect burst; once warm, a quiet
      // window gives the background rate (meter values) to subtract from the signal window.
      ProcessUsage simQuiet = ProcessUsage.of(self);
      ProcessUsage serverQuiet = serverHold == null ? null : ProcessUsage.of(serverPid);
      long quietStart = System.nanoTime();
      TimeUnit.NANOSECONDS.sleep(QUIET.toNanos());
      double quietSeconds = (System.nanoTime() - quietStart) / 1e9;
      simBackground = usage(simQuiet, ProcessUsage.of(self), quietSeconds);
      serverBackground = serverQuiet == null ? null : usage(serverQuiet, ProcessUsage.of(serverPid), quietSeconds);
      LOG.info("{} warm-up signals sent, not measured; background CPU {} % (simulator) / {} % (server)",
          plan.warmupSignals(), simBackground.cpuPercent(), serverBackground == null ? "-" : serverBackground.cpuPercent());
    }
    tracker.takePerCharger();
    tracker.takeLastCharger();
    FanOutTracker.Rounds before = tracker.rounds();
    ProcessUsage simBefore = ProcessUsage.of(self);
    ProcessUsage serverBefore = serverHold == null ? null : ProcessUsage.of(serverPid);
    long t0 = System.nanoTime();
    replayer.replay(plan.signals());
    TimeUnit.NANOSECONDS.sleep(DRAIN.toNanos());
    double wallSeconds = (System.nanoTime() - t0) / 1e9;
    FanOutTracker.Rounds after = tracker.rounds();
    long signals = after.started() - before.started();
    FleetSizeResult.FanOut result = new FleetSizeResult.FanOut(signals,
        after.complete() - before.complete(), LatencySummary.ofMicros(tracker.takePerCharger()),
        LatencySummary.ofMicros(tracker.takeLastCharger()), replayer.refused(),
        cpuPerSignal(simBefore, ProcessUsage.of(self), simBackground, wallSeconds, signals),
        serverBackground == null ? Double.NaN
            : cpuPerSignal(serverBefore, ProcessUsage.of(serverPid), serverBackground, wallSeconds, signals));
    LOG.info("fan-out: {}", result);
    return result;
  }

  /** All drop, reconnect within the window; then signals until one reaches every charger again. */
  private FleetSizeResult.Storm storm(ChargerFleetSimulator fleet, RegulationSignalReplayer replayer)
      throws InterruptedException {
    long t0 = System.nanoTime();
    int back = fleet.reconnectStorm(plan.stormWindow(), plan.connectTimeout());
    double allBack = seconds(t0);
    double underControl = Double.NaN;
    if (replayer != null) {
      long complete = fleet.tracker().rounds().complete();
      for (int i = 0; i < MAX_SIGNALS_AFTER_STORM && Double.isNaN(underControl); i++) {
        replayer.sendNext();
        long deadline = System.nanoTime() + replayer.pace().toNanos();
        while (System.nanoTime() < deadline && Double.isNaN(underControl)) {
          TimeUnit.MILLISECONDS.sleep(5);
          if (fleet.tracker().rounds().complete() > complete) {
            underControl = seconds(t0);
          }
        }
      }
    }
    FleetSizeResult.Storm storm = new FleetSizeResult.Storm(plan.stormWindow().toMillis() / 1000.0, back, allBack,
        underControl);
    LOG.info("storm: {}", storm);
    return storm;
  }

  private static Map<String, LatencySummary> summaries(Map<String, Histogram> byAction) {
    Map<String, LatencySummary> out = new TreeMap<>();
    byAction.forEach((action, h) -> out.put(action, LatencySummary.ofMicros(h)));
    return out;
  }

  /**
   * CPU seconds per signal beyond what the process spent at its background rate (the hold, or the quiet window
   * after warm-up signals) over the same wall time.
   */
  private static double cpuPerSignal(ProcessUsage before, ProcessUsage after, FleetSizeResult.Usage background,
      double wallSeconds, long signals) {
    double backgroundSeconds = background.cpuPercent() / 100 * wallSeconds;
    return signals == 0 ? Double.NaN
        : Math.round((after.cpuSeconds() - before.cpuSeconds() - backgroundSeconds) / signals * 1000) / 1000.0;
  }

  private static FleetSizeResult.Usage usage(ProcessUsage before, ProcessUsage after, double seconds) {
    return new FleetSizeResult.Usage(before.cpuPercentUntil(after, seconds), after.rssMb(), after.peakRssMb());
  }

  private static double seconds(long sinceNanos) {
    return Math.round((System.nanoTime() - sinceNanos) / 1e7) / 100.0;
  }
}
