package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvseRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OCPP 2.0.1 and 1.6 TxProfiles have no maxOfflineDuration: without a {@code validTo} they would hold for the whole
 * transaction after Gridfleet is gone. Gridfleet's carry one and are renewed while it steers, over loopback.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OcppProfileRenewalIT {
  private static final Duration OFFLINE = Duration.ofSeconds(2);
  private final GatewayFixture gateway = new GatewayFixture();
  /** Held in a field: Vert.x closes a client that becomes unreachable, even mid-handshake. */
  private WebSocketClient client;
  private TestStation station;
  private int port;

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    client = vertx.createWebSocketClient();
    port = gateway.deploy(vertx, OcppServerConfig.defaults("127.0.0.1", 0)
            .withCallTimeout(Duration.ofSeconds(5)).withMaxOfflineDuration(OFFLINE))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void txProfileShouldCarryValidToAndBeRenewedUntilTheTransactionEndsWhenTheChargerSpeaks201() throws Exception {
    // GIVEN a 2.0.1 charger with a running transaction
    station = TestStation.boot(client, port, "cp-201", "ocpp2.0.1");
    station.send("[2,\"t1\",\"TransactionEvent\",{\"eventType\":\"Started\",\"timestamp\":\"2026-11-28T18:00:05Z\","
        + "\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"tx-r\"},"
        + "\"evse\":{\"id\":1,\"connectorId\":1}}]");
    assertThat(station.next().getInteger(0)).isEqualTo(3);

    // WHEN Gridfleet steers it once, THEN the profile lapses after maxOfflineDuration and is renewed before that
    assertSteeredAndRenewed(new EvseRef("cp-201", 1));

    // WHEN the transaction ends THEN renewals stop
    station.send("[2,\"t2\",\"TransactionEvent\",{\"eventType\":\"Ended\",\"timestamp\":\"2026-11-28T19:00:05Z\","
        + "\"triggerReason\":\"EVDeparted\",\"seqNo\":1,\"transactionInfo\":{\"transactionId\":\"tx-r\"},"
        + "\"evse\":{\"id\":1,\"connectorId\":1}}]");
    assertNoCallsAfterTheAnswer();
  }

  @Test
  void txProfileShouldCarryValidToAndBeRenewedUntilTheTransactionStopsWhenTheChargerSpeaks16() throws Exception {
    // GIVEN a 1.6 charger with a running transaction
    station = TestStation.boot(client, port, "cp-16", "ocpp1.6");
    station.send("[2,\"s1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"FLEET-7\",\"meterStart\":0,"
        + "\"timestamp\":\"2026-11-28T18:00:05Z\"}]");
    int transactionId = station.next().getJsonObject(2).getInteger("transactionId");

    // WHEN Gridfleet steers it once, THEN the profile lapses after maxOfflineDuration and is renewed before that
    assertSteeredAndRenewed(new EvseRef("cp-16", 1));

    // WHEN the transaction stops THEN renewals stop
    station.send("[2,\"s2\",\"StopTransaction\",{\"transactionId\":" + transactionId + ",\"meterStop\":9000,"
        + "\"timestamp\":\"2026-11-28T19:00:05Z\"}]");
    assertNoCallsAfterTheAnswer();
  }

  @Test
  void txProfileShouldNotBeRenewedWhenTheChargerSpeaks21() throws Exception {
    // GIVEN a 2.1 charger with a running transaction, steered once
    station = TestStation.boot(client, port, "cp-21", "ocpp2.1");
    station.send("[2,\"t1\",\"TransactionEvent\",{\"eventType\":\"Started\",\"timestamp\":\"2026-11-28T18:00:05Z\","
        + "\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"tx-21\"},"
        + "\"evse\":{\"id\":1,\"connectorId\":1}}]");
    assertThat(station.next().getInteger(0)).isEqualTo(3);
    var accepted = gateway.registry.setpoint(new EvseRef("cp-21", 1), 4).toCompletableFuture();
    JsonObject profile = answerProfile();

    // THEN its lifetime is maxOfflineDuration, not a validTo, and nothing is re-sent
    assertThat(accepted.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.ACCEPTED);
    assertThat(profile.getInteger("maxOfflineDuration")).isEqualTo((int) OFFLINE.toSeconds());
    assertThat(profile.containsKey("validTo")).isFalse();
    assertThat(station.poll(2 * OFFLINE.toMillis())).isNull();
  }

  /** Steers the EVSE to 5 kW and checks the profile's validTo and one renewal of the same limit. */
  private void assertSteeredAndRenewed(EvseRef evse) throws Exception {
    Instant sent = Instant.now();
    var accepted = gateway.registry.setpoint(evse, 5).toCompletableFuture();
    JsonObject first = answerProfile();
    assertThat(accepted.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.ACCEPTED);
    Instant firstValidTo = Instant.parse(first.getString("validTo"));
    assertThat(firstValidTo).isBetween(sent.plus(OFFLINE).minusSeconds(1), Instant.now().plus(OFFLINE));

    JsonArray renewal = station.poll(OFFLINE.toMillis() * 3 / 2);
    assertThat(renewal).as("a renewal before validTo").isNotNull();
    assertThat(Instant.now()).isBefore(firstValidTo);
    assertThat(renewal.getString(2)).isEqualTo("SetChargingProfile");
    JsonObject renewed = profileOf(renewal);
    station.answer(renewal, new JsonObject().put("status", "Accepted"));
    assertThat(Instant.parse(renewed.getString("validTo"))).isAfter(firstValidTo);
    assertThat(limitW(renewed)).isEqualTo(limitW(first)).isEqualTo(5000.0);
  }

  private void assertNoCallsAfterTheAnswer() throws InterruptedException {
    JsonArray answer = station.next();
    assertThat(answer.getInteger(0)).as("the transaction's end is answered").isEqualTo(3);
    assertThat(station.poll(2 * OFFLINE.toMillis())).as("no renewal after the end").isNull();
  }

  private JsonObject answerProfile() throws InterruptedException {
    JsonArray call = station.next();
    assertThat(call.getString(2)).isEqualTo("SetChargingProfile");
    station.answer(call, new JsonObject().put("status", "Accepted"));
    return profileOf(call);
  }

  /** The chargingProfile (2.x) or csChargingProfiles (1.6) of a SetChargingProfile CALL. */
  private static JsonObject profileOf(JsonArray call) {
    JsonObject payload = call.getJsonObject(3);
    return payload.containsKey("chargingProfile")
        ? payload.getJsonObject("chargingProfile") : payload.getJsonObject("csChargingProfiles");
  }

  private static double limitW(JsonObject profile) {
    Object schedule = profile.getValue("chargingSchedule");
    JsonObject first = schedule instanceof JsonArray list ? list.getJsonObject(0) : (JsonObject) schedule;
    return first.getJsonArray("chargingSchedulePeriod").getJsonObject(0).getDouble("limit");
  }
}
