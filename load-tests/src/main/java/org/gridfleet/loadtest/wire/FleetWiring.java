package org.gridfleet.loadtest.wire;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import java.time.Clock;

/** What every simulated charger of one fleet shares. */
record FleetWiring(Vertx vertx, WebSocketClient client, SimulatorConfig config, WireMetrics metrics,
    FanOutTracker tracker, Clock clock) {}
