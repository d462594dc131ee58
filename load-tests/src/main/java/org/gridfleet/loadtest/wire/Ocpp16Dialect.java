package org.gridfleet.loadtest.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * OCPP 1.6J: StartTransaction (the central system picks the integer id) + MeterValues with string values,
 * connector = EVSE, TxProfile limits (a negative limit is read as discharge, as discharge-capable models do).
 */
final class Ocpp16Dialect implements ChargerDialect {
  static final Ocpp16Dialect INSTANCE = new Ocpp16Dialect();
  private static final int CONNECTOR_ID = 1;

  private Ocpp16Dialect() {}

  @Override
  public OutboundCall boot(String model) {
    return new OutboundCall("BootNotification",
        new JsonObject().put("chargePointVendor", "Gridfleet-Sim").put("chargePointModel", model));
  }

  @Override
  public OutboundCall connectorOccupied(Instant at) {
    return new OutboundCall("StatusNotification", new JsonObject().put("connectorId", CONNECTOR_ID)
        .put("errorCode", "NoError").put("status", "Charging").put("timestamp", at.toString()));
  }

  @Override
  public OutboundCall startTransaction(String transactionId, String idToken, MeterReading reading) {
    return new OutboundCall("StartTransaction", new JsonObject().put("connectorId", CONNECTOR_ID)
        .put("idTag", idToken).put("meterStart", (int) Math.round(reading.importKwh() * 1000))
        .put("timestamp", reading.at().toString()));
  }

  @Override
  public String transactionIdFrom(JsonObject startAnswer, String proposedId) {
    return Integer.toString(startAnswer.getInteger("transactionId"));
  }

  @Override
  public OutboundCall meterValues(String transactionId, int seqNo, MeterReading r) {
    JsonArray sampled = ChargerDialect.meterSamples(r, Ocpp16Dialect::sample);
    return new OutboundCall("MeterValues", new JsonObject().put("connectorId", CONNECTOR_ID)
        .put("transactionId", Integer.parseInt(transactionId))
        .put("meterValue", new JsonArray().add(new JsonObject()
            .put("timestamp", r.at().toString()).put("sampledValue", sampled))));
  }

  /** 1.6 values are strings. */
  private static JsonObject sample(double value, String measurand, String unit) {
    return new JsonObject().put("value", Double.toString(value)).put("context", "Sample.Periodic")
        .put("measurand", measurand).put("unit", unit);
  }

  @Override
  public Optional<OutboundCall> chargingNeeds(EvProfile ev, double socNow, Instant at) {
    return Optional.empty();
  }

  @Override
  public OutboundCall heartbeat() {
    return new OutboundCall("Heartbeat", new JsonObject());
  }

  @Override
  public Optional<ChargerCommand> command(ServerCall call) {
    if (!"SetChargingProfile".equals(call.action())) {
      return Optional.empty();
    }
    double limit = call.number("limit"); // of the first period
    if (Double.isNaN(limit)) {
      return Optional.empty();
    }
    boolean fallback = !"TxProfile".equals(call.string("chargingProfilePurpose"));
    return Optional.of(new ChargerCommand(ChargerDialect.kwOf(limit, call.string("chargingRateUnit")), fallback));
  }
}
