package org.gridfleet.loadtest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A gateway that accepts the WebSocket but never answers BootNotification. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SilentGatewayIT {

  @Test
  void connectAllShouldGiveUpOnEveryChargerWhenBootIsNeverAnswered() throws Exception {
    // GIVEN
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer silent = vertx.createHttpServer(new HttpServerOptions().setWebSocketSubProtocols(List.of("ocpp2.1")))
          .webSocketHandler(ws -> ws.textMessageHandler(text -> { }))
          .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
      SimulatorConfig config = new SimulatorConfig(URI.create("ws://127.0.0.1:" + silent.actualPort() + "/ocpp"),
          "silent-", "simulated-charger-secret", 3, VersionMix.parse("ocpp2.1=1"), Duration.ofSeconds(10), 1,
          Duration.ofMillis(300), 1);
      try (ChargerFleetSimulator fleet = new ChargerFleetSimulator(vertx, config, Clock.systemUTC())) {
        // WHEN one handshake slot is shared by three chargers
        int inSession = fleet.connectAll(Duration.ofSeconds(30));

        // THEN each attempt was abandoned and freed the slot for the next, instead of holding it forever
        assertThat(inSession).isZero();
        assertThat(fleet.metrics().counters().connectFailures()).isEqualTo(3);
        assertThat(fleet.metrics().counters().callTimeouts()).isEqualTo(3);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }
}
