package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonObject;

/**
 * Checks Gridfleet's own CALLs against the official schema before they go on the wire, so a builder bug never
 * reaches a charger. One per gateway verticle, used only on its event loop. A payload whose encoded text is
 * byte-identical to the last valid one of the same version and action is not validated again: validation is a pure
 * function of the payload, and a fan-out of one setpoint sends the same 2.1 UpdateDynamicSchedule to every charger
 * of a rating, so it is validated once per distinct setpoint instead of once per charger. Comparing the text the
 * frame carries anyway costs a string comparison where comparing the JSON trees walked both.
 *
 * <p>With {@link OcppServerConfig#validateOutbound()} off nothing is checked here. That is safe because the
 * builders are proven against the schemas by {@code OutboundFramesTest} and {@code OutboundFramesProperties}
 * (every action, random setpoints, limits and ids), and a charger that still gets a bad frame answers it with a
 * CALLERROR, counted by the gateway's metrics; it is kept on by default.
 */
final class OutboundCheck {
  private final OcppSchemas schemas;
  private final boolean enabled;
  private final PerAction<String> lastValid = new PerAction<>();
  private long validations;

  OutboundCheck(OcppSchemas schemas, boolean enabled) {
    this.schemas = schemas;
    this.enabled = enabled;
  }

  /**
   * @param payloadText the payload as it will be sent ({@code request.payload().encode()})
   * @throws OcppException the constraint the payload violates (nothing may be sent)
   */
  void check(OcppVersion version, OutboundRequest request, String payloadText) {
    if (!enabled || payloadText.equals(lastValid.get(version, request.action()))) {
      return;
    }
    validations++;
    schemas.checkRequest(version, request.action(), request.payload());
    lastValid.put(version, request.action(), payloadText);
  }

  /** Payloads run through the schema validator so far. */
  long validations() {
    return validations;
  }
}
