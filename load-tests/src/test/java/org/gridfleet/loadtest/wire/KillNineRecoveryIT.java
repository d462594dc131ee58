package org.gridfleet.loadtest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, "aggregator killed (kill -9) mid-dispatch": the shipped {@code gridfleet serve} jar runs as a child
 * process with its embedded PostgreSQL under a temporary GRIDFLEET_HOME; four OCPP 2.1 stations share a 30 kW site
 * (44 kW of chargers) over real WebSockets and are under control. The aggregator's JVM is then killed with SIGKILL
 * (an OOM kill, an operator's kill -9); the database server it started lives on. While it is down every station
 * keeps within its profiles and, after the TxProfile's maxOfflineDuration, runs on its TxDefaultProfile; the sum
 * stays within the site limit at every sample. The same command restarts it on the same data directory and ports
 * (stopping the orphaned database first); the stations reconnect by themselves and go on with their transactions
 * by id alone, as OCPP 2.x stations do, and the test measures how long until every one has a new setpoint.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class KillNineRecoveryIT {
  private static final Pattern SERVING = Pattern.compile("gridfleet serving on port (\\d+)");
  private static final String ADMIN = "kill-nine-admin-token-0123456789";
  private static final String PASSWORD = "kill-nine-charger-secret";
  private static final int STATIONS = 4;
  private static final double SITE_LIMIT_KW = 30;
  private static final double CHARGER_KW = 11;
  private static final Duration RECOVERY_GOAL = Duration.ofSeconds(60);
  private static final double KW_TOLERANCE = 1e-6;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<OfflineFallbackStation> stations = new ArrayList<>();
  private Vertx vertx;
  private Path home;
  private Process server;
  private int httpPort;
  private int ocppPort;
  private int databasePort;
  private double highestSiteKw;
  private double highestOfflineKw;
  /** Each station's power and state at the highest sample, for the failure message. */
  private String highestBreakdown = "";
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void tearDown() throws Exception {
    stations.forEach(OfflineFallbackStation::stop);
    if (home != null) {
      killServerAndDatabase();
    }
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void fleetShouldRunOnFallbackAndComeBackUnderControlWhenTheAggregatorIsKilledAndRestarted() throws Exception {
    // GIVEN gridfleet serve with four stations on a 30 kW site, all under control
    home = Files.createTempDirectory("gridfleet-kill-nine");
    httpPort = freePort();
    ocppPort = freePort();
    databasePort = freePort();
    server = startServer();
    provision();
    vertx = Vertx.vertx();
    Instant departure = Instant.now().plus(Duration.ofHours(3));
    for (int i = 0; i < STATIONS; i++) {
      EvProfile ev = new EvProfile(60, 0.3, 0.9, 0.2, departure, CHARGER_KW, 0, 5, Duration.ZERO);
      OfflineFallbackStation s = new OfflineFallbackStation(vertx, ocppPort, "KILL-CP-" + i, PASSWORD,
          "KILL-EV-" + i, ev, Clock.systemUTC());
      stations.add(s);
      s.start();
    }
    await(Duration.ofSeconds(60), "every station under control",
        () -> stations.stream().allMatch(OfflineFallbackStation::controlledSinceConnect));
    sample(Duration.ofSeconds(3));
    int ackedBeforeKill = stations.stream().mapToInt(OfflineFallbackStation::meterValuesAcked).sum();

    // WHEN the aggregator's JVM is killed mid-dispatch (its embedded database lives on, orphaned)
    Instant killedAt = Instant.now();
    killServer();
    await(Duration.ofSeconds(10), "every station sees the connection go",
        () -> stations.stream().noneMatch(OfflineFallbackStation::online));

    // THEN the stations keep charging within the site limit, and after maxOfflineDuration on their fallback
    Duration maxOffline = stations.get(0).maxOffline();
    sample(maxOffline.plusSeconds(2));
    Instant offlineCheck = Instant.now();
    assertThat(stations).allSatisfy(s -> {
      assertThat(s.onFallback(offlineCheck)).as(s.chargerId() + " on its fallback").isTrue();
      assertThat(s.powerKw(offlineCheck)).as(s.chargerId() + " still charges").isPositive();
    });
    double fallbackSum = stations.stream().mapToDouble(OfflineFallbackStation::fallbackKw).sum();
    assertThat(fallbackSum).as("sum of TxDefaultProfiles").isLessThanOrEqualTo(SITE_LIMIT_KW);
    highestOfflineKw = highestSiteKw;
    assertThat(highestOfflineKw).as("highest site power until the restart")
        .isLessThanOrEqualTo(SITE_LIMIT_KW + KW_TOLERANCE);
    highestSiteKw = 0;

    // WHEN the same command restarts it on the same data directory
    long restartNanos = System.nanoTime();
    server = startServer();
    long servingNanos = System.nanoTime();
    await(RECOVERY_GOAL.plusSeconds(30), "every station back under control",
        () -> {
          sampleOnce();
          return stations.stream().allMatch(OfflineFallbackStation::controlledSinceConnect);
        });
    Duration recovery = Duration.ofNanos(System.nanoTime() - restartNanos);
    Duration fromServing = Duration.ofNanos(System.nanoTime() - servingNanos);

    // THEN every station is back under control within 60 s, the site limit held throughout, and every meter value
    // acknowledged before the kill is in the database
    long storedBeforeKill = meterRowsUpTo(killedAt);
    System.out.printf("kill -9 recovery: %d stations, restart to all controlled %d ms (%d ms after serving), "
            + "down %d s, fallback sum %.1f kW of %.0f kW, highest site %.2f kW until the restart and %.2f kW while "
            + "recovering, meter values acked before kill %d, stored %d%n", STATIONS, recovery.toMillis(),
        fromServing.toMillis(), Duration.between(killedAt, Instant.now()).toSeconds(), fallbackSum, SITE_LIMIT_KW,
        highestOfflineKw, highestSiteKw, ackedBeforeKill, storedBeforeKill);
    assertThat(recovery).isLessThanOrEqualTo(RECOVERY_GOAL);
    assertThat(storedBeforeKill).as("meter values acknowledged before the kill and stored")
        .isGreaterThanOrEqualTo(ackedBeforeKill);
    assertThat(highestSiteKw).as("highest site power while the stations come back: a station still offline runs on "
        + "its fallback, which the restarted control must leave room for; at the highest sample " + highestBreakdown).isLessThanOrEqualTo(
        SITE_LIMIT_KW + KW_TOLERANCE);
  }

  /** Samples the site's power every 200 ms for {@code duration}. */
  private void sample(Duration duration) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      sampleOnce();
      Thread.sleep(200);
    }
  }

  private void sampleOnce() {
    Instant now = Instant.now();
    double siteKw = stations.stream().mapToDouble(s -> s.powerKw(now)).sum();
    if (siteKw > highestSiteKw) {
      highestSiteKw = siteKw;
      highestBreakdown = stations.stream().map(s -> String.format("%s %.2f kW (%s, profile %.2f kW)", s.chargerId(),
          s.powerKw(now), s.online() ? (s.controlledSinceConnect() ? "steered" : "reconnected") : "offline",
          s.txProfileKw())).toList().toString();
    }
  }

  private Process startServer() throws IOException, InterruptedException {
    Path jar = Path.of("..", "aggregator", "target", "gridfleet-app.jar").toAbsolutePath().normalize();
    assertThat(jar).as("run ./mvnw -pl aggregator -am package first").isRegularFile();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(), "serve",
        "--port", Integer.toString(httpPort)).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("GRIDFLEET_"));
    pb.environment().putAll(Map.of("GRIDFLEET_HOME", home.toString(), "GRIDFLEET_ADMIN_TOKEN", ADMIN,
        "GRIDFLEET_OCPP_PORT", Integer.toString(ocppPort),
        "GRIDFLEET_DB_EMBEDDED_PORT", Integer.toString(databasePort)));
    Process p = pb.start();
    output.clear();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          output.add(line);
          Matcher m = SERVING.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("gridfleet serve exited"));
    }, "gridfleet-serve-output");
    reader.setDaemon(true);
    reader.start();
    try {
      port.get(90, TimeUnit.SECONDS);
      return p;
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("gridfleet serve did not start; output:\n" + String.join("\n", output), e);
    }
  }

  /** SIGKILL to the JVM alone: the database it started daemonizes and keeps the port and the data directory. */
  private void killServer() throws InterruptedException {
    if (server != null) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    server = null;
  }

  /** Clean-up: SIGKILL to the JVM and to the PostgreSQL server (its pid is the first line of postmaster.pid). */
  private void killServerAndDatabase() throws IOException, InterruptedException {
    Path pidFile = home.resolve("pgdata").resolve("postmaster.pid");
    String postmaster = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile).get(0).trim() : null;
    killServer();
    if (postmaster != null) {
      ProcessHandle.of(Long.parseLong(postmaster)).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private void provision() throws Exception {
    String tenant = post(ADMIN, "/api/v1/tenants", new JsonObject().put("name", "kill-nine")
        .put("role", "fleet-owner")).getString("id");
    String owner = post(ADMIN, "/api/v1/tenants/" + tenant + "/tokens", new JsonObject()).getString("token");
    String site = post(owner, "/api/v1/sites", new JsonObject().put("name", "depot").put("limitKw", SITE_LIMIT_KW))
        .getString("id");
    String fleet = post(owner, "/api/v1/fleets", new JsonObject().put("name", "vans")).getString("id");
    for (int i = 0; i < STATIONS; i++) {
      post(owner, "/api/v1/fleets/" + fleet + "/vehicles", new JsonObject().put("name", "van-" + i)
          .put("batteryCapacityKwh", 60.0).put("chemistry", "NMC").put("maxChargeKw", CHARGER_KW)
          .put("maxDischargeKw", 0.0).put("reserveSoc", 0.2).put("trips", new JsonArray())
          .put("chargingPreference", "guaranteed").put("v2g", new JsonObject().put("mode", "off"))
          .put("idToken", "KILL-EV-" + i));
      post(owner, "/api/v1/sites/" + site + "/chargers", new JsonObject().put("id", "KILL-CP-" + i)
          .put("password", PASSWORD).put("maxPowerKw", CHARGER_KW).put("bidirectional", false)
          .put("model", "Sim-ocpp2.1").put("dischargeCapability", "none"));
    }
  }

  private JsonObject post(String token, String path, JsonObject body) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("POST " + path + ": " + r.body()).isEqualTo(201);
    return r.body().isEmpty() ? new JsonObject() : new JsonObject(r.body());
  }

  private long meterRowsUpTo(Instant t) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres",
        "postgres", "");
         Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT count(*) FROM meter_values WHERE charger_id LIKE 'KILL-CP-%' AND time <= '"
             + t + "'")) {
      r.next();
      return r.getLong(1);
    }
  }

  private String stationStates() {
    return stations.stream().map(s -> s.chargerId() + "[online=" + s.online() + ", connections=" + s.connections()
        + ", controlled=" + s.controlledSinceConnect() + ", txKw=" + s.txProfileKw() + ", fallbackKw="
        + s.fallbackKw() + "]").toList().toString();
  }

  private void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(what + ": not within " + timeout + "; stations " + stationStates()
            + "; server output:\n" + String.join("\n", output.subList(Math.max(0, output.size() - 60),
            output.size())));
      }
      Thread.sleep(100);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
