package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.gridfleet.v2g.charger.DispatchResult;

/**
 * Version-specific half of a connection: answers the charger's CALLs and builds Gridfleet's CALLs.
 * One implementation per OCPP version; stateless (state lives in {@link ChargerConnection}).
 */
interface OcppAdapter {

  /** Answers a schema-valid CALL; throws {@link OcppException} (NotImplemented, ...) before changing state. */
  JsonObject onCall(ChargerConnection c, String action, JsonObject payload);

  /**
   * Plans a control value for an EVSE.
   *
   * @param powerKw  signed setpoint (+ charge) or, when {@code setpoint} is false, a charge cap &gt;= 0
   */
  Control control(ChargerConnection c, EvseState evse, double powerKw, boolean setpoint);

  /** The TxDefaultProfile offline fallback sent after an accepted boot. */
  OutboundRequest fallbackProfile(ChargerConnection c);

  /** Either a refusal (nothing sent) or a request plus how to read its answer. */
  record Control(DispatchResult refusal, OutboundRequest request, Function<JsonObject, DispatchResult> onAccepted) {
    static Control refuse(DispatchResult.Status status, String detail) {
      return new Control(DispatchResult.of(status, detail), null, null);
    }
  }

  static OcppAdapter forVersion(OcppVersion version) {
    return switch (version) {
      case V1_6 -> Ocpp16Adapter.INSTANCE;
      case V2_0_1 -> Ocpp201Adapter.INSTANCE;
      case V2_1 -> Ocpp21Adapter.INSTANCE;
    };
  }

  /** Maps a {status: Accepted|...} answer. */
  static DispatchResult statusOf(JsonObject response) {
    String status = response.getString("status", "");
    return "Accepted".equals(status)
        ? DispatchResult.of(DispatchResult.Status.ACCEPTED, status)
        : DispatchResult.of(DispatchResult.Status.REJECTED, status);
  }

  /** Watts with one decimal, as the 2.0.1/1.6 schemas ask ("at most one digit fraction"). */
  static double watts(double kw) {
    return Math.round(kw * 10_000) / 10.0;
  }
}
