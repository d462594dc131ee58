package org.gridfleet.loadtest.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * One OCPP version as a charger speaks it: builds the charger's CALLs and reads the central system's. Payloads
 * are built by hand (load tests speak the public protocol, not Gridfleet's classes) and follow the official
 * JSON schemas; stateless, the charger passes its session state in.
 */
sealed interface ChargerDialect permits Ocpp2Dialect, Ocpp16Dialect {

  OutboundCall boot(String model);

  OutboundCall connectorOccupied(Instant at);

  /** Starts the EV's session; 2.x sends the station-chosen transaction id, 1.6 gets one in the answer. */
  OutboundCall startTransaction(String transactionId, String idToken, MeterReading reading);

  /** The transaction id as the central system knows it, from the start answer; 2.x keeps its own. */
  String transactionIdFrom(JsonObject startAnswer, String proposedId);

  OutboundCall meterValues(String transactionId, int seqNo, MeterReading reading);

  /** The EV's charging needs; empty for 1.6, which has no such message. */
  Optional<OutboundCall> chargingNeeds(EvProfile ev, double socNow, Instant at);

  OutboundCall heartbeat();

  /** The control value carried by a central-system CALL, if it is one. */
  Optional<ChargerCommand> command(ServerCall call);

  /** A schema-valid answer to a central-system CALL, or empty when the simulator does not implement it. */
  default Optional<JsonObject> answer(String action) {
    return switch (action) {
      case "SetChargingProfile", "UpdateDynamicSchedule", "ClearChargingProfile" ->
          Optional.of(new JsonObject().put("status", "Accepted"));
      case "GetCompositeSchedule", "RequestStartTransaction", "RequestStopTransaction", "RemoteStartTransaction",
          "RemoteStopTransaction", "TriggerMessage", "Reset", "ChangeAvailability" ->
          Optional.of(new JsonObject().put("status", "Rejected"));
      default -> Optional.empty();
    };
  }

  static ChargerDialect of(Subprotocol subprotocol) {
    return switch (subprotocol) {
      case OCPP_2_1 -> Ocpp2Dialect.V2_1;
      case OCPP_2_0_1 -> Ocpp2Dialect.V2_0_1;
      case OCPP_1_6 -> Ocpp16Dialect.INSTANCE;
    };
  }

  /** How a version writes one sampled value (2.x: number + unitOfMeasure; 1.6: string + unit). */
  interface SampleFormat {
    JsonObject sample(double value, String measurand, String unit);
  }

  /** SoC (EV), import/export power and energy registers: what the gateway reads for planning. */
  static JsonArray meterSamples(MeterReading r, SampleFormat format) {
    return new JsonArray()
        .add(format.sample(Math.round(r.soc() * 1000) / 10.0, "SoC", "Percent").put("location", "EV"))
        .add(format.sample(tenths(Math.max(0, r.powerKw())), "Power.Active.Import", "W"))
        .add(format.sample(tenths(Math.max(0, -r.powerKw())), "Power.Active.Export", "W"))
        .add(format.sample(tenths(r.importKwh()), "Energy.Active.Import.Register", "Wh"))
        .add(format.sample(tenths(r.exportKwh()), "Energy.Active.Export.Register", "Wh"));
  }

  /** Watts (or Wh) with one decimal, as the schemas' multipleOf 0.1 asks. */
  static double tenths(double kilo) {
    return Math.round(kilo * 10_000) / 10.0;
  }

  /** Watts of a schedule period value: W as is, A as three-phase 230 V. */
  static double kwOf(double value, String unit) {
    return "A".equals(unit) ? value * 230 * 3 / 1000 : value / 1000;
  }
}
