package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A hand-driven charger for gateway ITs: one WebSocket over loopback, the frames it got, its answers to CALLs. */
final class TestStation {
  private final LinkedBlockingQueue<JsonArray> inbound = new LinkedBlockingQueue<>();
  private final WebSocket ws;

  private TestStation(WebSocket ws) {
    this.ws = ws;
    ws.textMessageHandler(t -> inbound.add(new JsonArray(t)));
  }

  /**
   * Connects as {@code chargerId} (HTTP Basic with the fixture's password), boots and accepts the fallback profile.
   * Keep {@code client} in a field of the test: Vert.x closes a client that becomes unreachable, even mid-handshake.
   */
  static TestStation boot(WebSocketClient client, int port, String chargerId, String protocol) throws Exception {
    TestStation station = new TestStation(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
            .setPort(port).setURI("/ocpp/" + chargerId).setSubProtocols(List.of(protocol))
            .addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (chargerId + ":" + GatewayFixture.PASSWORD).getBytes(StandardCharsets.UTF_8))))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
    station.send(protocol.equals("ocpp1.6")
        ? "[2,\"b1\",\"BootNotification\",{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}]"
        : "[2,\"b1\",\"BootNotification\",{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"V\",\"model\":\"M\"}}]");
    assertThat(station.next().getJsonObject(2).getString("status")).isEqualTo("Accepted");
    station.answer(station.next(), new JsonObject().put("status", "Accepted")); // the TxDefaultProfile fallback
    return station;
  }

  void send(String frame) {
    ws.writeTextMessage(frame);
  }

  /** The next frame from the gateway; fails the test after 5 s. */
  JsonArray next() throws InterruptedException {
    JsonArray frame = inbound.poll(5, TimeUnit.SECONDS);
    assertThat(frame).as("a frame from the gateway").isNotNull();
    return frame;
  }

  /** The next frame within {@code millis}, or null. */
  JsonArray poll(long millis) throws InterruptedException {
    return inbound.poll(millis, TimeUnit.MILLISECONDS);
  }

  boolean nothingReceived() {
    return inbound.isEmpty();
  }

  void answer(JsonArray call, JsonObject payload) {
    ws.writeTextMessage(new JsonArray().add(3).add(call.getString(1)).add(payload).encode());
  }

  /** Answers the next CALL, which must be {@code action}, and returns its payload. */
  JsonObject expectCall(String action, JsonObject answer) throws InterruptedException {
    JsonArray call = next();
    assertThat(call.getInteger(0)).isEqualTo(2);
    assertThat(call.getString(2)).isEqualTo(action);
    answer(call, answer);
    return call.getJsonObject(3);
  }

  void close() throws Exception {
    ws.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
