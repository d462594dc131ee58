package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvseRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Handshake refusals, subprotocol preference, boot gating and latest-setpoint-wins over real sockets. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OcppHandshakeAndDispatchIT {
  private static final GatewayFixture gateway = new GatewayFixture();
  private static int port;
  private static WebSocketClient client;

  @BeforeAll
  static void deploy(Vertx vertx) throws Exception {
    port = gateway.deploy(vertx, 1).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    client = vertx.createWebSocketClient();
  }

  private static Future<WebSocket> connect(String chargerId, String password, String... protocols) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/ocpp/" + chargerId).setSubProtocols(List.of(protocols));
    if (password != null) {
      options.addHeader("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((chargerId + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return client.connect(options);
  }

  private static int rejection(Future<WebSocket> attempt) throws Exception {
    Throwable failure = attempt.toCompletionStage().toCompletableFuture()
        .handle((ws, e) -> e).get(5, TimeUnit.SECONDS);
    assertThat(failure).isInstanceOf(UpgradeRejectedException.class);
    return ((UpgradeRejectedException) failure).getStatus();
  }

  @Test
  void handshakeShouldBeRefusedWhenChargerUnknownPasswordWrongOrNoCommonProtocol() throws Exception {
    assertThat(rejection(connect("cp-nobody", GatewayFixture.PASSWORD, "ocpp2.1"))).isEqualTo(404);
    assertThat(rejection(connect("cp-21", "wrong", "ocpp2.1"))).isEqualTo(401);
    assertThat(rejection(connect("cp-21", null, "ocpp2.1"))).isEqualTo(401);
    assertThat(rejection(connect("cp-21", GatewayFixture.PASSWORD, "ocpp1.5"))).isEqualTo(400);
  }

  @Test
  void handshakeShouldRefuseASecondChargerWhenItsSiteIsAtTheConnectionLimit() throws Exception {
    // GIVEN "small-site" allows one connection and cp-a holds it
    WebSocket a = connect("cp-a", GatewayFixture.PASSWORD, "ocpp2.0.1").toCompletionStage().toCompletableFuture().get();
    // WHEN cp-b at the same site connects THEN it is refused with 503
    assertThat(rejection(connect("cp-b", GatewayFixture.PASSWORD, "ocpp2.0.1"))).isEqualTo(503);
    a.close().toCompletionStage().toCompletableFuture().get();
  }

  @Test
  void gatewayShouldPickOcpp21AndRefuseCallsBeforeBootAndKeepOnlyTheLatestSetpoint() throws Exception {
    // GIVEN a 2.1 charger that offers 1.6 first
    WebSocket ws = connect("cp-21", GatewayFixture.PASSWORD, "ocpp1.6", "ocpp2.1")
        .toCompletionStage().toCompletableFuture().get();
    assertThat(ws.subProtocol()).isEqualTo("ocpp2.1");
    LinkedBlockingQueue<JsonArray> inbound = new LinkedBlockingQueue<>();
    ws.textMessageHandler(t -> inbound.add(new JsonArray(t)));

    // WHEN it sends a Heartbeat before booting THEN SecurityError
    ws.writeTextMessage("[2,\"h0\",\"Heartbeat\",{}]");
    assertThat(inbound.poll(5, TimeUnit.SECONDS).getString(2)).isEqualTo("SecurityError");

    // WHEN it boots and starts a transaction
    ws.writeTextMessage("[2,\"b1\",\"BootNotification\",{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"V\",\"model\":\"M\"}}]");
    assertThat(inbound.poll(5, TimeUnit.SECONDS).getJsonObject(2).getString("status")).isEqualTo("Accepted");
    JsonArray fallback = inbound.poll(5, TimeUnit.SECONDS);
    assertThat(fallback.getString(2)).isEqualTo("SetChargingProfile");
    ws.writeTextMessage(new JsonArray().add(3).add(fallback.getString(1)).add(new io.vertx.core.json.JsonObject().put("status", "Accepted")).encode());
    ws.writeTextMessage("[2,\"t1\",\"TransactionEvent\",{\"eventType\":\"Started\",\"timestamp\":\"2026-11-28T18:00:05Z\",\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"tx-9\"},\"evse\":{\"id\":1,\"connectorId\":1}}]");
    assertThat(inbound.poll(5, TimeUnit.SECONDS).getInteger(0)).isEqualTo(3);

    // AND the control core sends three setpoints while the charger has not answered the first
    EvseRef evse = new EvseRef("cp-21", 1);
    CompletableFuture<DispatchResult> first = gateway.registry.setpoint(evse, -3).toCompletableFuture();
    JsonArray firstCall = inbound.poll(5, TimeUnit.SECONDS);
    CompletableFuture<DispatchResult> second = gateway.registry.setpoint(evse, -5).toCompletableFuture();
    CompletableFuture<DispatchResult> third = gateway.registry.setpoint(evse, -7).toCompletableFuture();

    // THEN only one CALL is outstanding, the middle value is superseded, and the latest goes out next
    assertThat(second.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.SUPERSEDED);
    assertThat(inbound.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(firstCall.getString(2)).isEqualTo("SetChargingProfile");
    // a setpoint outlived by an outage must not revive on reconnect: the fallback holds until a new one
    assertThat(firstCall.getJsonObject(3).getJsonObject("chargingProfile").getBoolean("invalidAfterOfflineDuration"))
        .isTrue();
    ws.writeTextMessage("[3,\"" + firstCall.getString(1) + "\",{\"status\":\"Accepted\"}]");
    assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.ACCEPTED);
    JsonArray update = inbound.poll(5, TimeUnit.SECONDS);
    assertThat(update.getString(2)).isEqualTo("UpdateDynamicSchedule");
    assertThat(update.getJsonObject(3).getJsonObject("scheduleUpdate").getDouble("setpoint")).isEqualTo(-7000.0);
    ws.writeTextMessage("[3,\"" + update.getString(1) + "\",{\"status\":\"Accepted\"}]");
    assertThat(third.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.ACCEPTED);
    ws.close();
  }

  @Test
  void sessionShouldBeMatchedByTheEvccidWhenTheIdTokenIsAMacAddress() throws Exception {
    // GIVEN a booted 2.0.1 charger
    WebSocket ws = connect("cp-201", GatewayFixture.PASSWORD, "ocpp2.0.1")
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    LinkedBlockingQueue<JsonArray> inbound = new LinkedBlockingQueue<>();
    ws.textMessageHandler(t -> inbound.add(new JsonArray(t)));
    ws.writeTextMessage("[2,\"b1\",\"BootNotification\",{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"V\",\"model\":\"M\"}}]");
    assertThat(inbound.poll(5, TimeUnit.SECONDS).getInteger(0)).isEqualTo(3);
    JsonArray fallback = inbound.poll(5, TimeUnit.SECONDS);
    ws.writeTextMessage("[3,\"" + fallback.getString(1) + "\",{\"status\":\"Accepted\"}]");

    // WHEN an ISO 15118 car starts a transaction identified by its EVCCID
    ws.writeTextMessage("[2,\"t1\",\"TransactionEvent\",{\"eventType\":\"Started\",\"timestamp\":\"2026-11-28T18:00:05Z\",\"triggerReason\":\"Authorized\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"tx-mac\"},\"evse\":{\"id\":1,\"connectorId\":1},\"idToken\":{\"idToken\":\"" + RecordingPorts.EVCCID + "\",\"type\":\"MacAddress\"}}]");
    assertThat(inbound.poll(5, TimeUnit.SECONDS).getInteger(0)).isEqualTo(3);

    // THEN the session is matched to the vehicle registered under that EV identifier
    assertThat(gateway.ports.sessions).filteredOn(e -> e.transactionId().equals("tx-mac"))
        .singleElement().satisfies(e -> assertThat(e.vehicleId()).isEqualTo("veh-2"));
    ws.close();
  }
}
