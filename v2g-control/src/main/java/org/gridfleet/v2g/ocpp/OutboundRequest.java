package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonObject;

/** A CALL Gridfleet is about to send. */
record OutboundRequest(String action, JsonObject payload) {}
