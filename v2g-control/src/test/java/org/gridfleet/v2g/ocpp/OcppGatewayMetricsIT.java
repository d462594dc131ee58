package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which frame events the gateway reports to its metrics, driven over a real loopback WebSocket. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OcppGatewayMetricsIT {

  @Test
  void gatewayShouldReportVersionCallsErrorsAndRoundTripsWhenAChargerTalksToIt(Vertx vertx) throws Exception {
    // GIVEN a 2.0.1 charger connected to a gateway
    GatewayFixture gateway = new GatewayFixture();
    int port = gateway.deploy(vertx, 10).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/ocpp/cp-201").setSubProtocols(List.of("ocpp2.0.1"))
        .addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("cp-201:" + GatewayFixture.PASSWORD).getBytes(StandardCharsets.UTF_8))))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    LinkedBlockingQueue<JsonArray> inbound = new LinkedBlockingQueue<>();
    ws.textMessageHandler(t -> inbound.add(new JsonArray(t)));

    // WHEN it sends a frame with a non-string action, a made-up action, and a boot twice (the second one repeats
    // the first's proven shape with another model)
    ws.writeTextMessage("[2,\"m1\",42,{}]");
    assertThat(inbound.poll(5, TimeUnit.SECONDS).getString(2)).isEqualTo("FormatViolation");
    ws.writeTextMessage("[2,\"m2\",\"MadeUpAction\",{}]");
    assertThat(inbound.poll(5, TimeUnit.SECONDS).getString(2)).isEqualTo("NotImplemented");
    ws.writeTextMessage("[2,\"b1\",\"BootNotification\",{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"V\",\"model\":\"M\"}}]");
    assertThat(inbound.poll(5, TimeUnit.SECONDS).getInteger(0)).isEqualTo(3);
    // AND refuses the fallback profile Gridfleet sends after the boot
    JsonArray fallback = inbound.poll(5, TimeUnit.SECONDS);
    ws.writeTextMessage("[2,\"b2\",\"BootNotification\",{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"V\",\"model\":\"N\"}}]");
    assertThat(inbound.poll(5, TimeUnit.SECONDS).getInteger(0)).isEqualTo(3);
    assertThat(fallback.getString(2)).isEqualTo("SetChargingProfile");
    ws.writeTextMessage("[4,\"" + fallback.getString(1) + "\",\"NotSupported\",\"no profiles here\",{}]");
    await(gateway.metrics.events, "roundTrip 2.0.1 SetChargingProfile");
    ws.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    await(gateway.metrics.events, "disconnected 2.0.1");

    // THEN the metrics saw exactly this conversation, in order
    assertThat(gateway.metrics.events).containsExactly(
        "connected 2.0.1",
        "callError FormatViolation OUT",
        "call 2.0.1 unknown IN",
        "callError NotImplemented OUT",
        "call 2.0.1 BootNotification IN",
        "provenInFull IN",
        "provenInFull OUT",
        "call 2.0.1 SetChargingProfile OUT",
        "call 2.0.1 BootNotification IN",
        "callError NotSupported IN",
        "roundTrip 2.0.1 SetChargingProfile",
        "disconnected 2.0.1");
    assertThat(gateway.metrics.roundTripNanos).singleElement()
        .satisfies(nanos -> assertThat(nanos).isPositive().isLessThan(TimeUnit.SECONDS.toNanos(5)));
  }

  private static void await(List<String> events, String event) throws InterruptedException {
    for (int i = 0; i < 100 && !events.contains(event); i++) {
      Thread.sleep(50);
    }
  }
}
