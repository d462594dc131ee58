package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonObject;

/** BootNotification answer shared by all versions: admission from the directory, then the fallback. */
final class BootHandling {
  private BootHandling() {}

  static JsonObject boot(ChargerConnection c, OcppAdapter adapter) {
    String status = switch (c.charger.admission()) {
      case ACCEPTED -> "Accepted";
      case PENDING -> "Pending";
      case REJECTED -> "Rejected";
    };
    boolean firstAccept = c.state != ChargerConnection.State.ACCEPTED && "Accepted".equals(status);
    c.state = switch (c.charger.admission()) {
      case ACCEPTED -> ChargerConnection.State.ACCEPTED;
      case PENDING -> ChargerConnection.State.PENDING;
      case REJECTED -> ChargerConnection.State.REJECTED;
    };
    if (firstAccept) {
      // After our CALLRESULT is on the wire: install the offline fallback, then announce the charger.
      c.context.runOnContext(v -> {
        c.send(adapter.fallbackProfile(c), reply -> { });
        c.services.events().onConnection(c.chargerId(), true);
      });
    }
    return new JsonObject()
        .put("status", status)
        .put("currentTime", c.services.clock().instant().toString())
        .put("interval", (int) c.config.heartbeatInterval().toSeconds());
  }

  static JsonObject heartbeat(ChargerConnection c) {
    return new JsonObject().put("currentTime", c.services.clock().instant().toString());
  }
}
