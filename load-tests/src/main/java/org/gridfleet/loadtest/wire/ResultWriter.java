package org.gridfleet.loadtest.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Writes a run as {@code result.json}, {@code summary.md} and {@code latency.png} into one directory. */
public final class ResultWriter {
  private ResultWriter() {}

  public static void write(WireRunResult run, Path dir) throws IOException {
    Files.createDirectories(dir);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("result.json").toFile(), run);
    Files.writeString(dir.resolve("summary.md"), markdown(run));
    LatencyPlot.write(run.sizes(), LatencyPlot.DEFAULT, dir.resolve("latency.png"));
  }

  static String markdown(WireRunResult run) {
    StringBuilder md = new StringBuilder();
    md.append("# OCPP over the wire: ").append(run.startedAt()).append("\n\n")
        .append("Target: ").append(run.target()).append("; mix ").append(run.mix())
        .append("; meter values every ").append(fmt(run.meterSeconds())).append(" s.\n\n")
        .append("Command: `").append(run.command()).append("`\n\n")
        .append("| chargers | in session | connect s | held | frames/s | meter values/s | hold RTT p50/p99 ms "
            + "(TransactionEvent · MeterValues) | RTT p50/p99 ms during signals + storm (TransactionEvent · Boot) | signal→charger p50/p99 ms | signal→last p50/p99/max ms "
            + "(rounds complete/sent) | CPU s per signal above hold (simulator / server) "
            + "| storm: all back s / under control s | simulator CPU % / RSS MB "
            + "| server CPU % / RSS MB | CALLERRORs / timeouts / failed handshakes | load avg |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (FleetSizeResult r : run.sizes()) {
      md.append("| ").append(r.chargers())
          .append(" | ").append(r.inSession())
          .append(" | ").append(fmt(r.connectSeconds()))
          .append(" | ").append(r.connectionsHeld())
          .append(" | ").append(fmt(r.framesPerSecond()))
          .append(" | ").append(fmt(r.meterValuesPerSecond()))
          .append(" | ").append(rtt(r.roundTrips(), "TransactionEvent")).append(" · ")
          .append(rtt(r.roundTrips(), "MeterValues"))
          .append(" | ").append(rtt(r.roundTripsUnderLoad(), "TransactionEvent")).append(" · ")
          .append(rtt(r.roundTripsUnderLoad(), "BootNotification"))
          .append(" | ").append(r.fanOut() == null ? "—"
              : fmt(r.fanOut().perCharger().p50Ms()) + " / " + fmt(r.fanOut().perCharger().p99Ms()))
          .append(" | ").append(r.fanOut() == null ? "—" : fmt(r.fanOut().lastCharger().p50Ms()) + " / "
              + fmt(r.fanOut().lastCharger().p99Ms()) + " / " + fmt(r.fanOut().lastCharger().maxMs())
              + " (" + r.fanOut().completeRounds() + "/" + r.fanOut().signals() + ")")
          .append(" | ").append(r.fanOut() == null ? "—" : seconds(r.fanOut().simulatorCpuSecondsPerSignal())
              + " / " + seconds(r.fanOut().serverCpuSecondsPerSignal()))
          .append(" | ").append(r.storm() == null ? "—"
              : fmt(r.storm().allBackSeconds()) + " / " + fmt(r.storm().underControlSeconds())
                  + " (" + r.storm().back() + " back)")
          .append(" | ").append(usage(r.simulator()))
          .append(" | ").append(usage(r.server()))
          .append(" | ").append(r.callErrors()).append(" / ").append(r.callTimeouts()).append(" / ")
          .append(r.connectFailures())
          .append(" | ").append(fmt(r.loadAverage()))
          .append(" |\n");
    }
    return md.append("\n![latency vs fleet size](latency.png)\n").toString();
  }

  private static String rtt(Map<String, LatencySummary> rtts, String action) {
    LatencySummary s = rtts.get(action);
    return s == null || s.count() == 0 ? "—" : fmt(s.p50Ms()) + "/" + fmt(s.p99Ms());
  }

  private static String usage(FleetSizeResult.Usage u) {
    return u == null ? "—" : fmt(u.cpuPercent()) + " / " + fmt(u.rssMb());
  }

  /** CPU seconds to the millisecond. */
  private static String seconds(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "—";
  }

  private static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v) : "—";
  }
}
