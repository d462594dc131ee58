package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.SessionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The third-party client ocpp-rpc 2.2.1 (strictMode, pinned in src/test/node) as the charger: boots,
 * starts a transaction, reports SoC, receives a discharge setpoint, and sees CALLERRORs for malformed
 * frames — for each OCPP version.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OcppRpcClientIT {
  private static final Path NODE_DIR = Path.of("src/test/node");
  private static final GatewayFixture gateway = new GatewayFixture();
  private static int port;

  @BeforeAll
  static void deploy(Vertx vertx) throws Exception {
    assertThat(NODE_DIR.resolve("node_modules/ocpp-rpc"))
        .as("run `npm ci` in v2g-control/src/test/node first (.ci/run does)").exists();
    port = gateway.deploy(vertx, 10).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @CsvSource({"ocpp1.6,cp-16", "ocpp2.0.1,cp-201", "ocpp2.1,cp-21"})
  void nodeClientShouldBootTransactReceiveDischargeAndSeeCallErrorsWhenSpeaking(String version, String chargerId)
      throws Exception {
    // GIVEN a strict ocpp-rpc charger process
    Process node = new ProcessBuilder("node", "charger.js", Integer.toString(port), version, chargerId,
        GatewayFixture.PASSWORD, Path.of("../reference/ocpp").toAbsolutePath().toString())
        .directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() ->
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))
            .lines().collect(Collectors.joining("\n")));

    // WHEN its session starts, the control core asks for 7 kW of discharge
    SessionEvent started = awaitSession(chargerId);
    DispatchResult result = gateway.registry.setpoint(new EvseRef(chargerId, 1), -7)
        .toCompletableFuture().get(15, TimeUnit.SECONDS);

    // THEN the charger accepted it and the script saw everything it expected
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String log = output.get(5, TimeUnit.SECONDS);
    assertThat(result.status()).as(result.detail() + "\n" + log).isEqualTo(DispatchResult.Status.ACCEPTED);
    assertThat(node.exitValue()).as(log).isZero();
    assertThat(log).contains("BOOT Accepted", "SOC_REPORTED 42", "DISCHARGE_SETPOINT -7000",
        "CALLERROR unknown action -> NotImplemented", "DONE " + version);
    assertThat(log).contains("RECEIVED SetChargingProfile TxDefaultProfile");
    assertThat(started.vehicleId()).isEqualTo("veh-1");
    assertThat(gateway.ports.meters).anySatisfy(m -> {
      assertThat(m.evse().chargerId()).isEqualTo(chargerId);
      assertThat(m.socReported()).isEqualTo(0.42);
      assertThat(m.powerKw()).isEqualTo(7.0);
    });
  }

  private static SessionEvent awaitSession(String chargerId) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      for (SessionEvent e : gateway.ports.sessions) {
        if (e.evse().chargerId().equals(chargerId) && e.kind() == SessionEvent.Kind.STARTED) {
          return e;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no session started by " + chargerId);
  }
}
