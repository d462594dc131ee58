package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inbound message size limit, ping/pong keep-alive and the idle timeout, over real loopback sockets. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OcppConnectionLimitsIT {
  private static final short MESSAGE_TOO_BIG = 1009;
  private static final String BOOT =
      "[2,\"b1\",\"BootNotification\",{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"V\",\"model\":\"M\"}}]";

  private final GatewayFixture gateway = new GatewayFixture();
  /** Held in a field: an unreachable Vert.x 5 client is closed by its cleaner, mid-handshake. */
  private io.vertx.core.http.WebSocketClient client;

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private WebSocket connect(Vertx vertx, int port, String chargerId) throws Exception {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/ocpp/" + chargerId).setSubProtocols(List.of("ocpp2.1"))
        .addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (chargerId + ":" + GatewayFixture.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    client = vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions()
        .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
    return await(client.connect(options));
  }

  /** A schema-valid 2.1 TransactionEvent Started whose customData pads it to about {@code bytes}. */
  private static String paddedTransactionStart(String messageId, int bytes) {
    return "[2,\"" + messageId + "\",\"TransactionEvent\",{\"eventType\":\"Started\","
        + "\"timestamp\":\"2026-11-28T18:00:05Z\",\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,"
        + "\"transactionInfo\":{\"transactionId\":\"tx-" + messageId + "\"},\"evse\":{\"id\":1,\"connectorId\":1},"
        + "\"customData\":{\"vendorId\":\"pad\",\"pad\":\"" + "x".repeat(bytes) + "\"}}]";
  }

  /** Boots cp-21 and answers the fallback profile, leaving the connection ACCEPTED. */
  private static LinkedBlockingQueue<JsonArray> boot(WebSocket ws) throws Exception {
    LinkedBlockingQueue<JsonArray> inbound = new LinkedBlockingQueue<>();
    ws.textMessageHandler(t -> inbound.add(new JsonArray(t)));
    ws.writeTextMessage(BOOT);
    assertThat(inbound.poll(5, TimeUnit.SECONDS).getJsonObject(2).getString("status")).isEqualTo("Accepted");
    JsonArray fallback = inbound.poll(5, TimeUnit.SECONDS);
    ws.writeTextMessage("[3,\"" + fallback.getString(1) + "\",{\"status\":\"Accepted\"}]");
    return inbound;
  }

  private static CompletableFuture<Short> closeStatus(WebSocket ws) {
    CompletableFuture<Short> status = new CompletableFuture<>();
    ws.closeHandler(v -> status.complete(ws.closeStatusCode()));
    return status;
  }

  @Test
  void gatewayShouldCloseWith1009AndRecordNoSessionWhenOneFrameExceedsTheLimit(Vertx vertx) throws Exception {
    // GIVEN a booted charger on a gateway with the default 64 KiB limit
    int port = await(gateway.deploy(vertx, OcppServerConfig.defaults("127.0.0.1", 0)));
    WebSocket ws = connect(vertx, port, "cp-21");
    LinkedBlockingQueue<JsonArray> inbound = boot(ws);
    CompletableFuture<Short> closed = closeStatus(ws);
    // AND a padded transaction start just under the limit is still accepted
    ws.writeTextMessage(paddedTransactionStart("ok", 60 * 1024));
    assertThat(inbound.poll(5, TimeUnit.SECONDS).getInteger(0)).isEqualTo(3);
    assertThat(gateway.ports.sessions).hasSize(1);

    // WHEN it sends a 70 KiB transaction start in one frame
    ws.writeTextMessage(paddedTransactionStart("big", 70 * 1024));

    // THEN the gateway closes with 1009 and the transaction never reaches the sessions
    assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(MESSAGE_TOO_BIG);
    assertThat(inbound).isEmpty();
    assertThat(gateway.ports.sessions).hasSize(1)
        .allSatisfy(s -> assertThat(s.toString()).doesNotContain("tx-big"));
  }

  @Test
  void gatewayShouldCloseWith1009WhenSmallFragmentsAddUpToMoreThanTheLimit(Vertx vertx) throws Exception {
    // GIVEN a booted charger on a gateway limited to 4 KiB messages
    int port = await(gateway.deploy(vertx, OcppServerConfig.defaults("127.0.0.1", 0).withMaxMessageBytes(4096)));
    WebSocket ws = connect(vertx, port, "cp-21");
    LinkedBlockingQueue<JsonArray> inbound = boot(ws);
    CompletableFuture<Short> closed = closeStatus(ws);

    // WHEN it sends a 6 KiB transaction start as three 2 KiB fragments (each under the limit)
    byte[] message = paddedTransactionStart("frag", 6 * 1024).getBytes(StandardCharsets.UTF_8);
    int third = message.length / 3;
    ws.writeFrame(WebSocketFrame.textFrame(new String(message, 0, third, StandardCharsets.UTF_8), false));
    ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer().appendBytes(message, third, third), false));
    ws.writeFrame(WebSocketFrame.continuationFrame(
        Buffer.buffer().appendBytes(message, 2 * third, message.length - 2 * third), true));

    // THEN the gateway closes with 1009 and records no session
    assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(MESSAGE_TOO_BIG);
    assertThat(inbound).isEmpty();
    assertThat(gateway.ports.sessions).isEmpty();
  }

  @Test
  void gatewayShouldCloseASilentConnectionWhenNothingArrivesWithinTheIdleTimeout(Vertx vertx) throws Exception {
    // GIVEN a gateway that never pings within the test and closes after 400 ms of silence
    int port = await(gateway.deploy(vertx, OcppServerConfig.defaults("127.0.0.1", 0)
        .withKeepAlive(Duration.ofHours(1), Duration.ofMillis(400))));
    WebSocket ws = connect(vertx, port, "cp-21");
    CompletableFuture<Short> closed = closeStatus(ws);

    assertThat(gateway.registry.connectionsAtSite("site-1")).isEqualTo(1);

    // WHEN the charger sends nothing THEN the gateway drops it and frees its site slot
    closed.get(5, TimeUnit.SECONDS);
    Thread.sleep(100); // the server's close handler runs on its own event loop
    assertThat(gateway.registry.connectionsAtSite("site-1")).isZero();
  }

  @Test
  void gatewayShouldKeepASilentChargerWhenItAnswersThePings(Vertx vertx) throws Exception {
    // GIVEN a gateway that pings every 100 ms and closes after 400 ms of silence
    int port = await(gateway.deploy(vertx, OcppServerConfig.defaults("127.0.0.1", 0)
        .withKeepAlive(Duration.ofMillis(100), Duration.ofMillis(400))));
    WebSocket ws = connect(vertx, port, "cp-21");
    AtomicInteger pings = new AtomicInteger();
    ws.frameHandler(f -> {
      if (f.isPing()) {
        pings.incrementAndGet();
      }
    });
    CompletableFuture<Short> closed = closeStatus(ws);

    // WHEN the charger sends no OCPP message for three idle timeouts, only the automatic pongs
    Thread.sleep(1200);

    // THEN it was pinged and is still connected
    assertThat(pings.get()).isGreaterThanOrEqualTo(3);
    assertThat(closed).isNotDone();
    await(ws.close());
  }
}
