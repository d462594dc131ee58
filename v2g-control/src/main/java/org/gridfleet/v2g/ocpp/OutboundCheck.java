package org.gridfleet.v2g.ocpp;

/**
 * Checks Gridfleet's own CALLs against the official schema before they go on the wire, so a builder bug never
 * reaches a charger. One per gateway verticle, used only on its event loop. A fan-out sends the same payload to
 * thousands of chargers but for a few values (the setpoint of a round; a 2.0.1/1.6 TxProfile's transaction and
 * validTo), so the full validator runs only for a payload that does not repeat the last valid one of its version
 * and action apart from values the schema judges alone ({@link ProvenShapes}); those values are checked against
 * their own subschemas.
 *
 * <p>With {@link OcppServerConfig#validateOutbound()} off nothing is checked here. That is safe because the
 * builders are proven against the schemas by {@code OutboundFramesTest} and {@code OutboundFramesProperties}
 * (every action, random setpoints, limits and ids), and a charger that still gets a bad frame answers it with a
 * CALLERROR, counted by the gateway's metrics; it is kept on by default.
 */
final class OutboundCheck {
  private final boolean enabled;
  private final ProvenShapes proven;
  private long validations;

  OutboundCheck(OcppSchemas schemas, boolean enabled) {
    this.enabled = enabled;
    this.proven = new ProvenShapes(schemas, true);
  }

  /**
   * @param payloadText the payload as it will be sent ({@code request.payload().encode()})
   * @return whether the full validator passed it (false: a repeated shape, or checks off)
   * @throws OcppException the constraint the payload violates (nothing may be sent)
   */
  boolean check(OcppVersion version, OutboundRequest request, String payloadText) {
    if (!enabled || proven.repeats(version, request.action(), payloadText)) {
      return false;
    }
    validations++;
    proven.proveInFull(version, request.action(), request.payload(), payloadText);
    return true;
  }

  /** Payloads run through the full schema validator so far. */
  long validations() {
    return validations;
  }
}
