package org.gridfleet.loadtest.wire.harness;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.gridfleet.loadtest.wire.ProcessUsage;
import org.gridfleet.loadtest.wire.WireLoadCommand;
import org.gridfleet.v2g.charger.DispatchResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the {@link InProcessGateway} harness as its own process, so the simulator and the gateway each have their
 * own file-descriptor budget and CPU/RSS figures. Prints its pid and URLs, a status line every 10 s, and stops
 * by itself after {@code --max-runtime}.
 */
@Command(name = "wire-harness", mixinStandardHelpOptions = true,
    description = "OCPP gateway + live signal feed harness for the wire load tests (loopback only).")
public final class HarnessServer implements Callable<Integer> {
  @Option(names = "--ocpp-port", defaultValue = "9000")
  int ocppPort;

  @Option(names = "--signal-port", defaultValue = "9001")
  int signalPort;

  @Option(names = "--id-prefix", defaultValue = "sim-")
  String idPrefix;

  @Option(names = "--password", defaultValue = "simulated-charger-secret")
  String password;

  @Option(names = "--max-chargers", defaultValue = "20000")
  int maxChargers;

  @Option(names = "--instances", defaultValue = "2", description = "gateway verticle instances")
  int instances;

  @Option(names = "--outbound-validation", defaultValue = "true", negatable = true, fallbackValue = "true",
      description = "schema-check the gateway's own CALLs (default on; --no-outbound-validation to measure without)")
  boolean outboundValidation;

  @Option(names = "--max-runtime", defaultValue = "3600", description = "seconds until the harness exits")
  int maxRuntimeSeconds;

  public static void main(String[] args) {
    WireLoadCommand.quietLogging();
    System.exit(new CommandLine(new HarnessServer()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    InProcessGateway gateway = InProcessGateway.start(vertx, new HarnessSettings("127.0.0.1", ocppPort, signalPort,
        idPrefix, password, maxChargers, 11, instances, outboundValidation));
    long pid = ProcessHandle.current().pid();
    System.out.printf("harness pid=%d ocpp=%s signals=%s nativeTransport=%s%n", pid, gateway.ocppUrl(),
        gateway.signalUrl(), vertx.isNativeTransportEnabled());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxRuntimeSeconds);
    while (System.nanoTime() < deadline) {
      TimeUnit.SECONDS.sleep(10);
      ProcessUsage usage = ProcessUsage.of(pid);
      RecordingTelemetry t = gateway.telemetry();
      System.out.printf("connections=%d sessions=%d meterSamples=%d signals=%d setpointsSent=%d accepted=%d "
              + "superseded=%d timedOut=%d rssMb=%.0f cpuS=%.0f%n", gateway.connections(), gateway.sessions(),
          t.meterSamples(), gateway.signalSamples(), t.setpointsSent(), t.acks(DispatchResult.Status.ACCEPTED),
          t.acks(DispatchResult.Status.SUPERSEDED), t.acks(DispatchResult.Status.TIMED_OUT), usage.rssMb(),
          usage.cpuSeconds());
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return 0;
  }
}
