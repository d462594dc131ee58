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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answers to Gridfleet's own CALLs over loopback: a repeated answer is taken from {@link KnownAnswers}, anything
 * else is still parsed and validated; an unanswered CALL times out and lets the next one go.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OcppAnswerPathIT {
  private static final Duration CALL_TIMEOUT = Duration.ofMillis(400);
  private final GatewayFixture gateway = new GatewayFixture();
  /** Held in a field: Vert.x closes a client that becomes unreachable, even mid-handshake. */
  private WebSocketClient client;
  private final EvseRef evse = new EvseRef("cp-21", 1);

  private TestStation chargingStation(Vertx vertx) throws Exception {
    int port = gateway.deploy(vertx, OcppServerConfig.defaults("127.0.0.1", 0).withCallTimeout(CALL_TIMEOUT))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    client = vertx.createWebSocketClient();
    TestStation station = TestStation.boot(client, port, "cp-21", "ocpp2.1");
    station.send("[2,\"t1\",\"TransactionEvent\",{\"eventType\":\"Started\",\"timestamp\":\"2026-11-28T18:00:05Z\","
        + "\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"tx-9\"},"
        + "\"evse\":{\"id\":1,\"connectorId\":1}}]");
    assertThat(station.next().getInteger(0)).isEqualTo(3);
    return station;
  }

  /** Sends a setpoint and answers its CALL with the raw payload text; the caller's result. */
  private DispatchResult setpointAnswered(TestStation station, double kw, String payloadText) throws Exception {
    CompletableFuture<DispatchResult> result = gateway.registry.setpoint(evse, kw).toCompletableFuture();
    JsonArray call = station.next();
    station.send("[3,\"" + call.getString(1) + "\"," + payloadText + "]");
    return result.get(5, TimeUnit.SECONDS);
  }

  @Test
  void answersShouldStillBeValidatedWhenTheyDifferFromARememberedValidOne(Vertx vertx) throws Exception {
    // GIVEN a 2.1 charger whose Accepted answers to the profile and to an update were proven valid
    TestStation station = chargingStation(vertx);
    assertThat(setpointAnswered(station, -5, "{\"status\":\"Accepted\"}").status()).isEqualTo(Status.ACCEPTED);
    assertThat(setpointAnswered(station, -4, "{\"status\":\"Accepted\"}").status()).isEqualTo(Status.ACCEPTED);
    // WHEN the next update is answered with a status the schema does not allow
    DispatchResult invalid = setpointAnswered(station, -3, "{\"status\":\"Maybe\"}");
    // THEN it is refused as invalid, and the charger is told so (2.1 CALLRESULTERROR)
    assertThat(invalid.status()).isEqualTo(Status.REJECTED);
    assertThat(invalid.detail()).contains("invalid UpdateDynamicSchedule response");
    assertThat(station.next().getInteger(0)).isEqualTo(OcppFrame.CALLRESULTERROR);
    // WHEN a valid answer differs from the remembered text only in spacing or carries a Rejected
    // THEN each is parsed and read as it is
    assertThat(setpointAnswered(station, -2, "{ \"status\" : \"Accepted\" }").status()).isEqualTo(Status.ACCEPTED);
    assertThat(setpointAnswered(station, -1, "{\"status\":\"Rejected\"}").status()).isEqualTo(Status.REJECTED);
    // AND the remembered text is still taken as Accepted
    assertThat(setpointAnswered(station, 1, "{\"status\":\"Accepted\"}").status()).isEqualTo(Status.ACCEPTED);
    assertThat(station.nothingReceived()).isTrue();
  }

  @Test
  void aCallShouldTimeOutAndLetTheNextOneGoWhenTheChargerNeverAnswers(Vertx vertx) throws Exception {
    // GIVEN a charger that leaves Gridfleet's first CALL unanswered
    TestStation station = chargingStation(vertx);
    // taken before the CALL goes out: the station receives it later, and a timeout counted from its receipt
    // would look early by the delivery time
    long sent = System.nanoTime();
    CompletableFuture<DispatchResult> unanswered = gateway.registry.setpoint(evse, -5).toCompletableFuture();
    JsonArray first = station.next();
    // WHEN a command is queued behind it
    CompletableFuture<DispatchResult> stop = gateway.registry.stopTransaction(evse).toCompletableFuture();
    // THEN the setpoint times out after the call timeout (not before), and only then does the next CALL go out
    assertThat(unanswered.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.TIMED_OUT);
    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(CALL_TIMEOUT);
    JsonObject next = station.expectCall("RequestStopTransaction", new JsonObject().put("status", "Accepted"));
    assertThat(next.getString("transactionId")).isEqualTo("tx-9");
    assertThat(stop.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.ACCEPTED);
    // AND a late answer to the timed-out CALL changes nothing
    station.answer(first, new JsonObject().put("status", "Accepted"));
    assertThat(station.poll(300)).isNull();
  }
}
