package org.gridfleet.loadtest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gridfleet.loadtest.wire.harness.HarnessSettings;
import org.gridfleet.loadtest.wire.harness.InProcessGateway;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.MeterSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 20 simulated chargers of all three OCPP versions against the real gateway in the in-process harness. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChargerFleetSimulatorIT {
  private static final int CHARGERS = 20;
  private static final String PASSWORD = "simulated-charger-secret";

  private Vertx vertx;
  private InProcessGateway gateway;
  private ChargerFleetSimulator fleet;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    gateway = InProcessGateway.start(vertx, HarnessSettings.loopback("it-", PASSWORD, CHARGERS));
    SimulatorConfig config = SimulatorConfig.defaults(gateway.ocppUrl(), "it-", PASSWORD, CHARGERS)
        .withMix(VersionMix.parse("ocpp2.1=2,ocpp2.0.1=1,ocpp1.6=1"))
        .withMeterInterval(Duration.ofSeconds(1));
    fleet = new ChargerFleetSimulator(vertx, config, Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    fleet.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void connectAllShouldBootEveryChargerOfEveryVersionWhenCredentialsAreRegistered() throws Exception {
    // WHEN
    int inSession = fleet.connectAll(Duration.ofSeconds(30));

    // THEN
    assertThat(inSession).isEqualTo(CHARGERS);
    assertThat(fleet.metrics().counters().bootsAccepted()).isEqualTo(CHARGERS);
    assertThat(fleet.chargers()).extracting(SimulatedCharger::subprotocol)
        .contains(Subprotocol.OCPP_2_1, Subprotocol.OCPP_2_0_1, Subprotocol.OCPP_1_6);
    assertThat(gateway.connections()).isEqualTo(CHARGERS);
    assertThat(fleet.metrics().counters().callErrors()).isZero();
  }

  @Test
  void meterValuesShouldReachTheTelemetrySinkWhenChargersAreInSession() throws Exception {
    // GIVEN
    fleet.connectAll(Duration.ofSeconds(30));

    // WHEN two meter intervals pass
    awaitTrue(() -> fleet.metrics().counters().meterValuesAcked() >= 2L * CHARGERS, Duration.ofSeconds(15));

    // THEN every charger's SoC, power and energy arrived, validated, at the gateway's telemetry
    List<MeterSample> samples = List.copyOf(gateway.telemetry().latestSamples().values());
    assertThat(samples).hasSize(CHARGERS);
    assertThat(samples).allSatisfy(s -> {
      assertThat(s.socReported()).isBetween(0.0, 1.0);
      assertThat(s.powerKw()).isNotNull();
      assertThat(s.energyImportKwh()).isNotNull();
    });
    assertThat(fleet.metrics().counters().callErrors()).isZero();
  }

  @Test
  void setpointShouldReachEveryChargerAndTurnItsEvToDischargeWhenSentThroughChargerControl() throws Exception {
    // GIVEN
    fleet.connectAll(Duration.ofSeconds(30));

    // WHEN the control core asks every EVSE to discharge at 5 kW
    List<CompletableFuture<DispatchResult>> acks = fleet.chargers().stream()
        .map(c -> gateway.control().setpoint(new EvseRef(c.chargerId(), 1), -5).toCompletableFuture())
        .toList();

    // THEN every charger accepts it, and its EV ramps from charging to discharging
    assertThat(acks).allSatisfy(a ->
        assertThat(a.get(10, TimeUnit.SECONDS).status()).isEqualTo(DispatchResult.Status.ACCEPTED));
    assertThat(fleet.metrics().counters().controlsReceived()).isEqualTo(CHARGERS);
    awaitTrue(() -> fleet.chargers().stream().allMatch(c -> power(c) < -4.9), Duration.ofSeconds(20));
    awaitTrue(() -> gateway.telemetry().latestSamples().values().stream()
        .filter(s -> s.powerKw() != null && s.powerKw() < -4.9).count() == CHARGERS, Duration.ofSeconds(10));
  }

  @Test
  void replayedSignalShouldReachEveryChargerInSessionWhenFedIntoTheLiveSignalFace() throws Exception {
    // GIVEN a fleet in session and a RegD replay into the harness's signal stream
    fleet.connectAll(Duration.ofSeconds(30));
    SampledSeries regd = SampledSeries.of(Instant.parse("2020-07-16T00:00:00Z"), Duration.ofSeconds(2),
        0.5, Double.NaN, -0.25);
    try (RegulationSignalReplayer replayer = new RegulationSignalReplayer(vertx, gateway.signalUrl(), regd, 20,
        Clock.systemUTC(), fleet.tracker(), () -> fleet.metrics().counters().sessionsActive())) {
      // WHEN two samples are replayed (the missing one is skipped)
      replayer.replay(2);

      // THEN both reach all 20 chargers, and every charger's EV is told the last value: -(-0.25) × 11 kW
      awaitTrue(() -> fleet.tracker().rounds().complete() == 2, Duration.ofSeconds(10));
      assertThat(fleet.tracker().takePerCharger().getTotalCount()).isEqualTo(2L * CHARGERS);
      assertThat(replayer.refused()).isZero();
      awaitTrue(() -> fleet.chargers().stream().allMatch(c -> Math.abs(power(c) - 2.75) < 0.01), Duration.ofSeconds(20));
    }
  }

  private static double power(SimulatedCharger charger) {
    return charger.powerKwNow().toCompletionStage().toCompletableFuture().join();
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within %s", timeout).isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
