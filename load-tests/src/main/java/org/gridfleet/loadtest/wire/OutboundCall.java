package org.gridfleet.loadtest.wire;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** A CALL a simulated charger sends: the OCPP action and its schema-valid payload. */
record OutboundCall(String action, JsonObject payload) {
  OutboundCall {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(payload, "payload");
  }
}
