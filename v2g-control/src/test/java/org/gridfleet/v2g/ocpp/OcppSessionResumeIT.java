package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.InMemorySessions;
import org.gridfleet.v2g.charger.SessionEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OCPP names the EVSE and the id token only in a transaction's first message. A charger that reaches a restarted
 * Gridfleet goes on with bare transaction ids; with the sessions remembered, the gateway resumes them (EVSE,
 * vehicle, control) instead of refusing the messages. Each test runs a first gateway, stops it, and starts a second
 * one that shares only the session memory (as a restart shares the database).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OcppSessionResumeIT {
  private Vertx vertx;
  /** Held in a field: Vert.x closes a client that becomes unreachable, even mid-handshake. */
  private WebSocketClient client;
  private TestStation station;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    client = vertx.createWebSocketClient();
  }

  @Test
  void updatedEventWithoutEvseShouldResumeTheSessionAndItsVehicleWhenGridfleetRestartedWithItsSessions()
      throws Exception {
    // GIVEN a 2.0.1 session of the vehicle with token VEH-TOKEN, started before a restart
    GatewayFixture before = new GatewayFixture();
    connect(before, "cp-201", "ocpp2.0.1");
    station.send(started201("tx-r", "\"idToken\":{\"idToken\":\"VEH-TOKEN\",\"type\":\"ISO14443\"},"));
    assertThat(station.next().getInteger(0)).isEqualTo(3);
    GatewayFixture after = restart(before, true);

    // WHEN the charger reconnects and goes on with the transaction id alone
    connect(after, "cp-201", "ocpp2.0.1");
    station.send(updated201("u1", "tx-r"));

    // THEN the message is taken, the session resumes with its vehicle, and a setpoint reaches the transaction
    assertThat(station.next().getInteger(0)).as("a CALLRESULT, not a CALLERROR").isEqualTo(3);
    assertThat(after.ports.sessions).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(SessionEvent.Kind.STARTED);
      assertThat(s.evse()).isEqualTo(new EvseRef("cp-201", 1));
      assertThat(s.vehicleId()).isEqualTo("veh-1");
    });
    CompletableFuture<DispatchResult> setpoint = after.registry.setpoint(new EvseRef("cp-201", 1), 6)
        .toCompletableFuture();
    JsonArray profile = station.next();
    assertThat(profile.getJsonObject(3).getJsonObject("chargingProfile").getString("transactionId"))
        .isEqualTo("tx-r");
    station.answer(profile, new JsonObject().put("status", "Accepted"));
    assertThat(setpoint.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.ACCEPTED);

    // WHEN it ends THEN Gridfleet forgets it
    station.send("[2,\"e1\",\"TransactionEvent\",{\"eventType\":\"Ended\",\"timestamp\":\"2026-11-28T19:00:05Z\","
        + "\"triggerReason\":\"EVDeparted\",\"seqNo\":2,\"transactionInfo\":{\"transactionId\":\"tx-r\"}}]");
    assertThat(station.next().getInteger(0)).isEqualTo(3);
    assertThat(after.ports.sessions).last().extracting(SessionEvent::kind).isEqualTo(SessionEvent.Kind.ENDED);
    assertThat(after.sessions.find("cp-201", "tx-r")).isEmpty();
  }

  @Test
  void updatedEventWithoutEvseShouldBeRefusedWhenGridfleetForgotTheSession() throws Exception {
    // GIVEN a session started before a restart that did not keep it
    GatewayFixture before = new GatewayFixture();
    connect(before, "cp-201", "ocpp2.0.1");
    station.send(started201("tx-lost", ""));
    assertThat(station.next().getInteger(0)).isEqualTo(3);
    GatewayFixture after = restart(before, false);

    // WHEN the charger goes on with the bare transaction id THEN it is told the evse is required
    connect(after, "cp-201", "ocpp2.0.1");
    station.send(updated201("u1", "tx-lost"));
    JsonArray error = station.next();
    assertThat(error.getInteger(0)).isEqualTo(4);
    assertThat(error.getString(2)).isEqualTo("OccurrenceConstraintViolation");
    assertThat(after.ports.sessions).isEmpty();
  }

  @Test
  void meterValuesOfA16TransactionShouldResumeItAndStopTransactionShouldEndItWhenGridfleetRestarted()
      throws Exception {
    // GIVEN a 1.6 transaction of VEH-TOKEN, started before a restart
    GatewayFixture before = new GatewayFixture();
    connect(before, "cp-16", "ocpp1.6");
    station.send("[2,\"s1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"VEH-TOKEN\",\"meterStart\":0,"
        + "\"timestamp\":\"2026-11-28T18:00:05Z\"}]");
    int transactionId = station.next().getJsonObject(2).getInteger("transactionId");
    GatewayFixture after = restart(before, true);

    // WHEN the charger reconnects and sends meter values of that transaction
    connect(after, "cp-16", "ocpp1.6");
    station.send("[2,\"m1\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":" + transactionId
        + ",\"meterValue\":[{\"timestamp\":\"2026-11-28T18:30:00Z\",\"sampledValue\":[{\"value\":\"42\","
        + "\"measurand\":\"SoC\",\"unit\":\"Percent\"}]}]}]");

    // THEN the session resumes with its vehicle and control reaches the transaction
    assertThat(station.next().getInteger(0)).isEqualTo(3);
    assertThat(after.ports.sessions).singleElement().extracting(SessionEvent::vehicleId).isEqualTo("veh-1");
    CompletableFuture<DispatchResult> setpoint = after.registry.setpoint(new EvseRef("cp-16", 1), 6)
        .toCompletableFuture();
    JsonArray profile = station.next();
    assertThat(profile.getJsonObject(3).getJsonObject("csChargingProfiles").getInteger("transactionId"))
        .isEqualTo(transactionId);
    station.answer(profile, new JsonObject().put("status", "Accepted"));
    assertThat(setpoint.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.ACCEPTED);

    // WHEN it stops THEN the session ends and is forgotten
    station.send("[2,\"s2\",\"StopTransaction\",{\"transactionId\":" + transactionId + ",\"meterStop\":9000,"
        + "\"timestamp\":\"2026-11-28T19:00:05Z\"}]");
    assertThat(station.next().getInteger(0)).isEqualTo(3);
    assertThat(after.ports.sessions).last().extracting(SessionEvent::kind).isEqualTo(SessionEvent.Kind.ENDED);
    assertThat(after.sessions.find("cp-16", Integer.toString(transactionId))).isEmpty();
  }

  /** Stops the first gateway; a second one keeps its sessions ({@code remembered}) or starts with none. */
  private GatewayFixture restart(GatewayFixture before, boolean remembered) throws Exception {
    station.close();
    vertx.undeploy(before.verticle.deploymentID()).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    GatewayFixture after = new GatewayFixture();
    after.sessions = remembered ? before.sessions : new InMemorySessions();
    return after;
  }

  private void connect(GatewayFixture gateway, String chargerId, String protocol) throws Exception {
    int port = gateway.deploy(vertx, OcppServerConfig.defaults("127.0.0.1", 0)
        .withCallTimeout(Duration.ofSeconds(5))).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    station = TestStation.boot(client, port, chargerId, protocol);
  }

  private static String started201(String transactionId, String idToken) {
    return "[2,\"t1\",\"TransactionEvent\",{\"eventType\":\"Started\",\"timestamp\":\"2026-11-28T18:00:05Z\","
        + "\"triggerReason\":\"Authorized\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"" + transactionId
        + "\"}," + idToken + "\"evse\":{\"id\":1,\"connectorId\":1}}]";
  }

  private static String updated201(String messageId, String transactionId) {
    return "[2,\"" + messageId + "\",\"TransactionEvent\",{\"eventType\":\"Updated\",\"timestamp\":"
        + "\"2026-11-28T18:30:00Z\",\"triggerReason\":\"MeterValuePeriodic\",\"seqNo\":1,"
        + "\"transactionInfo\":{\"transactionId\":\"" + transactionId + "\"}}]";
  }
}
