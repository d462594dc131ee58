package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.gridfleet.v2g.charger.ChargerCommands.Trigger;
import org.gridfleet.v2g.charger.CompositeSchedule;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvseRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The one-off commands of {@link org.gridfleet.v2g.charger.ChargerCommands}, answered by chargers over loopback. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OcppChargerCommandsIT {
  private final GatewayFixture gateway = new GatewayFixture();
  /** Held in a field: Vert.x closes a client that becomes unreachable, even mid-handshake. */
  private WebSocketClient client;
  private TestStation station;
  private int port;

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    port = gateway.deploy(vertx, 10).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    client = vertx.createWebSocketClient();
  }

  private JsonArray next() throws InterruptedException {
    return station.next();
  }

  private JsonObject expectCall(String action, JsonObject answer) throws InterruptedException {
    return station.expectCall(action, answer);
  }

  private static <T> T done(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void commandsShouldReachA21ChargerAndClearingShouldMakeTheNextSetpointInstallANewProfile() throws Exception {
    // GIVEN a 2.1 charger with a running transaction and Gridfleet's Dynamic profile installed
    station = TestStation.boot(client, port, "cp-21", "ocpp2.1");
    station.send("[2,\"t1\",\"TransactionEvent\",{\"eventType\":\"Started\",\"timestamp\":\"2026-11-28T18:00:05Z\","
        + "\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"tx-9\"},"
        + "\"evse\":{\"id\":1,\"connectorId\":1}}]");
    assertThat(next().getInteger(0)).isEqualTo(3);
    EvseRef evse = new EvseRef("cp-21", 1);
    CompletableFuture<DispatchResult> first = gateway.registry.setpoint(evse, -5).toCompletableFuture();
    expectCall("SetChargingProfile", new JsonObject().put("status", "Accepted"));
    assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.ACCEPTED);

    // WHEN Gridfleet clears its profile
    CompletionStage<DispatchResult> cleared = gateway.registry.clearChargingProfile(evse);
    JsonObject clear = expectCall("ClearChargingProfile", new JsonObject().put("status", "Accepted"));
    // THEN the criteria name the EVSE and Gridfleet's TxProfile, and the next setpoint installs a profile again
    assertThat(done(cleared).status()).isEqualTo(Status.ACCEPTED);
    assertThat(clear.getJsonObject("chargingProfileCriteria").getMap())
        .containsEntry("evseId", 1).containsEntry("chargingProfilePurpose", "TxProfile");
    CompletableFuture<DispatchResult> again = gateway.registry.setpoint(evse, -4).toCompletableFuture();
    expectCall("SetChargingProfile", new JsonObject().put("status", "Accepted"));
    assertThat(again.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.ACCEPTED);

    // WHEN it reads the composite schedule THEN the periods come back in kW from the given start
    CompletionStage<CompositeSchedule> composite = gateway.registry.compositeSchedule(evse, Duration.ofMinutes(15));
    JsonObject ask = expectCall("GetCompositeSchedule", new JsonObject().put("status", "Accepted")
        .put("schedule", new JsonObject().put("evseId", 1).put("duration", 900)
            .put("scheduleStart", "2026-11-28T18:01:00Z").put("chargingRateUnit", "W")
            .put("chargingSchedulePeriod", new JsonArray()
                .add(new JsonObject().put("startPeriod", 0).put("limit", 11000.0).put("setpoint", -4000.0))
                .add(new JsonObject().put("startPeriod", 600).put("limit", 3700.0)))));
    assertThat(ask.getMap()).containsEntry("duration", 900).containsEntry("evseId", 1).containsEntry("chargingRateUnit", "W");
    CompositeSchedule schedule = done(composite);
    assertThat(schedule.result().status()).isEqualTo(Status.ACCEPTED);
    assertThat(schedule.start()).isEqualTo(Instant.parse("2026-11-28T18:01:00Z"));
    assertThat(schedule.periods()).containsExactly(new CompositeSchedule.Period(0, 11.0, -4.0),
        new CompositeSchedule.Period(600, 3.7, null));

    // WHEN it asks for meter values and the charger refuses THEN the caller sees REJECTED with the status
    CompletionStage<DispatchResult> trigger = gateway.registry.trigger(evse, Trigger.METER_VALUES);
    JsonObject triggered = expectCall("TriggerMessage", new JsonObject().put("status", "Rejected"));
    assertThat(triggered.getString("requestedMessage")).isEqualTo("MeterValues");
    assertThat(done(trigger)).isEqualTo(DispatchResult.of(Status.REJECTED, "Rejected"));

    // WHEN it starts a session on an EVSE that has one THEN nothing is sent
    assertThat(done(gateway.registry.startTransaction(evse, "CARD-1")).status()).isEqualTo(Status.REJECTED);
    // WHEN it stops the session THEN the request names the running transaction
    CompletionStage<DispatchResult> stop = gateway.registry.stopTransaction(evse);
    assertThat(expectCall("RequestStopTransaction", new JsonObject().put("status", "Accepted"))
        .getString("transactionId")).isEqualTo("tx-9");
    assertThat(done(stop).status()).isEqualTo(Status.ACCEPTED);
    assertThat(station.nothingReceived()).isTrue();
  }

  @Test
  void remoteStartAndStopShouldUseThe16MessagesWhenTheChargerSpeaks16() throws Exception {
    // GIVEN a booted 1.6 charger without a session
    station = TestStation.boot(client, port, "cp-16", "ocpp1.6");
    EvseRef evse = new EvseRef("cp-16", 1);
    // WHEN there is no session THEN a stop is refused without a frame
    assertThat(done(gateway.registry.stopTransaction(evse)).status()).isEqualTo(Status.NO_SESSION);

    // WHEN Gridfleet starts one remotely and the charger then reports StartTransaction
    CompletionStage<DispatchResult> start = gateway.registry.startTransaction(evse, "FLEET-7");
    JsonObject remoteStart = expectCall("RemoteStartTransaction", new JsonObject().put("status", "Accepted"));
    assertThat(remoteStart.getMap()).containsEntry("connectorId", 1).containsEntry("idTag", "FLEET-7");
    assertThat(done(start).status()).isEqualTo(Status.ACCEPTED);
    station.send("[2,\"s1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"FLEET-7\",\"meterStart\":0,"
        + "\"timestamp\":\"2026-11-28T18:00:05Z\"}]");
    JsonArray started = next();
    int transactionId = started.getJsonObject(2).getInteger("transactionId");

    // THEN a remote stop carries the integer transaction id the gateway assigned
    CompletionStage<DispatchResult> stop = gateway.registry.stopTransaction(evse);
    assertThat(expectCall("RemoteStopTransaction", new JsonObject().put("status", "Accepted"))
        .getInteger("transactionId")).isEqualTo(transactionId);
    assertThat(done(stop).status()).isEqualTo(Status.ACCEPTED);

    // AND a composite schedule answered in A is refused rather than misread as W
    CompletionStage<CompositeSchedule> composite = gateway.registry.compositeSchedule(evse, Duration.ofMinutes(5));
    expectCall("GetCompositeSchedule", new JsonObject().put("status", "Accepted").put("connectorId", 1)
        .put("scheduleStart", "2026-11-28T18:01:00Z").put("chargingSchedule", new JsonObject()
            .put("chargingRateUnit", "A").put("chargingSchedulePeriod", new JsonArray()
                .add(new JsonObject().put("startPeriod", 0).put("limit", 16.0)))));
    CompositeSchedule schedule = done(composite);
    assertThat(schedule.result().status()).isEqualTo(Status.REJECTED);
    assertThat(schedule.result().detail()).contains("in A");
    assertThat(schedule.periods()).isEmpty();
  }

  @Test
  void commandsShouldAnswerOfflineWhenTheChargerIsNotConnected() throws Exception {
    EvseRef nobody = new EvseRef("cp-201", 1);
    assertThat(done(gateway.registry.compositeSchedule(nobody, Duration.ofMinutes(1))).result().status())
        .isEqualTo(Status.OFFLINE);
    assertThat(done(gateway.registry.trigger(nobody, Trigger.HEARTBEAT)).status()).isEqualTo(Status.OFFLINE);
  }
}
