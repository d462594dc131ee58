package org.gridfleet.loadtest.wire;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.gridfleet.loadtest.wire.harness.HarnessSettings;
import org.gridfleet.loadtest.wire.harness.InProcessGateway;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.replay.SignalCsvReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The wire load scenarios: for each fleet size, N simulated chargers connect to an OCPP gateway, hold with
 * meter values, receive a replayed RegD signal as setpoints (when a signal face is given), optionally survive a
 * reconnect storm; results go to {@code --out} as JSON, Markdown and a PNG.
 *
 * <p>Usage: {@code load-tests/bench run org.gridfleet.loadtest.wire.WireLoadCommand --help}
 */
@Command(name = "wire-load", mixinStandardHelpOptions = true,
    description = "Drives an OCPP gateway with simulated chargers over real WebSockets (loopback only).")
public final class WireLoadCommand implements Callable<Integer> {

  @Option(names = "--ocpp-url", description = "gateway base, e.g. ws://127.0.0.1:9000/ocpp; "
      + "without it an in-process harness gateway is started in this JVM")
  URI ocppUrl;

  @Option(names = "--signal-url", description = "live signal stream, e.g. ws://127.0.0.1:9001/signals/pjm-regd/stream")
  URI signalUrl;

  @Option(names = "--api-url", description = "fleet API base (e.g. http://127.0.0.1:8080) to provision chargers")
  URI apiUrl;

  @Option(names = "--admin-token", description = "admin bearer token for --api-url")
  String adminToken;

  @Option(names = "--chargers-per-site", defaultValue = "200")
  int chargersPerSite;

  @Option(names = "--sizes", split = ",", defaultValue = "1000", description = "fleet sizes, run in order")
  List<Integer> sizes;

  @Option(names = "--mix", defaultValue = "ocpp2.1=60,ocpp2.0.1=30,ocpp1.6=10")
  String mix;

  @Option(names = "--meter-interval", defaultValue = "10", description = "seconds between meter values")
  int meterSeconds;

  @Option(names = "--hold", defaultValue = "30", description = "seconds held with meter values per size")
  int holdSeconds;

  @Option(names = "--signals", defaultValue = "30", description = "RegD samples replayed per size")
  int signals;

  @Option(names = "--warmup-signals", defaultValue = "0",
      description = "RegD samples replayed before the measured ones and left out of the fan-out figures")
  int warmupSignals;

  @Option(names = "--soak", defaultValue = "0",
      description = "seconds of soak: replays signals for this long instead of --signals")
  int soakSeconds;

  @Option(names = "--speed", defaultValue = "1", description = "signal replay speed (1 = real time, 2 s steps)")
  double speed;

  @Option(names = "--regd-file", defaultValue = "reference/pjm/regd_2020-07-16_2s.csv")
  Path regdFile;

  @Option(names = "--storm", description = "reconnect storm after the signals")
  boolean storm;

  @Option(names = "--storm-window", defaultValue = "10", description = "seconds over which chargers reconnect")
  int stormWindowSeconds;

  @Option(names = "--connect-timeout", defaultValue = "180")
  int connectTimeoutSeconds;

  @Option(names = "--connect-concurrency", defaultValue = "200")
  int connectConcurrency;

  @Option(names = "--id-prefix", defaultValue = "sim-")
  String idPrefix;

  @Option(names = "--password", defaultValue = "simulated-charger-secret")
  String password;

  @Option(names = "--server-pid", defaultValue = "0", description = "server process id, for its CPU and memory")
  long serverPid;

  @Option(names = "--out", defaultValue = "load-tests/target/wire-results")
  Path out;

  private String[] args = new String[0];

  public static void main(String[] args) {
    quietLogging();
    WireLoadCommand command = new WireLoadCommand();
    command.args = args;
    System.exit(new CommandLine(command).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Clock clock = Clock.systemUTC();
    Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(10_000).setPreferNativeTransport(true));
    try {
      InProcessGateway harness = ocppUrl == null
          ? InProcessGateway.start(vertx, HarnessSettings.loopback(idPrefix, password, maxSize())) : null;
      URI ocpp = harness == null ? ocppUrl : harness.ocppUrl();
      URI signalFace = harness == null ? signalUrl : harness.signalUrl();
      long server = harness == null ? serverPid : 0; // in-process: the simulator figures cover both
      SampledSeries regd = SignalCsvReader.read(regdFile, "regd", clock.instant());
      Function<ChargerFleetSimulator, RegulationSignalReplayer> replayers = signalFace == null ? f -> null
          : f -> new RegulationSignalReplayer(vertx, signalFace, regd, speed, clock, f.tracker(),
              () -> f.metrics().counters().sessionsActive());
      int signalCount = soakSeconds > 0 ? (int) (soakSeconds * speed / regd.step().toSeconds()) : signals;
      ScenarioPlan plan = new ScenarioPlan(Duration.ofSeconds(holdSeconds), signalCount, warmupSignals,
          storm ? Duration.ofSeconds(stormWindowSeconds) : null, Duration.ofSeconds(connectTimeoutSeconds));
      WireScenario scenario = new WireScenario(vertx, clock, plan, replayers, server);
      List<FleetSizeResult> results = new ArrayList<>();
      for (int size : sizes) {
        SimulatorConfig config = new SimulatorConfig(ocpp, idPrefix, password, size, VersionMix.parse(mix),
            Duration.ofSeconds(meterSeconds), connectConcurrency, Duration.ofSeconds(30), 42);
        if (apiUrl != null) {
          provision(vertx, config, clock);
        }
        results.add(scenario.run(config));
        Thread.sleep(2_000); // let the server notice the closes before the next size connects
      }
      String target = (harness == null ? "" : "in-process harness in the simulator's JVM (v2g-control "
          + "OcppServerVerticle + market-adapters MarketSignalFeed) at ") + ocpp + (signalFace == null ? ", no signal face" : ", signals " + signalFace);
      WireRunResult run = new WireRunResult(clock.instant().toString(), target, mix, meterSeconds,
          String.join(" ", args), results);
      ResultWriter.write(run, out);
      System.out.println(ResultWriter.markdown(run));
      System.out.println("written to " + out.toAbsolutePath());
      return 0;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private void provision(Vertx vertx, SimulatorConfig config, Clock clock) throws InterruptedException {
    if (adminToken == null) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--api-url needs --admin-token");
    }
    FleetProvisioner provisioner = new FleetProvisioner(vertx, apiUrl);
    try (ChargerFleetSimulator fleet = new ChargerFleetSimulator(vertx, config, clock)) {
      int registered = provisioner.provision(fleet, adminToken, chargersPerSite, 11);
      System.out.printf("provisioned %d of %d chargers through %s%n", registered, config.chargers(), apiUrl);
    } finally {
      provisioner.close();
    }
  }

  private int maxSize() {
    return sizes.stream().mapToInt(Integer::intValue).max().orElse(1);
  }

  /** Per-handshake DEBUG logging (logback's default) would dominate the measurement. */
  public static void quietLogging() {
    org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(ch.qos.logback.classic.Level.WARN);
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.gridfleet.loadtest.wire"))
          .setLevel(ch.qos.logback.classic.Level.INFO);
    }
  }
}
