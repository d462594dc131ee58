package org.gridfleet.loadtest.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * OCPP 2.0.1 and 2.1: TransactionEvent sessions, NotifyEVChargingNeeds, TxProfile limits; 2.1 adds V2X needs,
 * signed setpoints in Dynamic profiles and UpdateDynamicSchedule.
 */
final class Ocpp2Dialect implements ChargerDialect {
  static final Ocpp2Dialect V2_0_1 = new Ocpp2Dialect(false);
  static final Ocpp2Dialect V2_1 = new Ocpp2Dialect(true);
  private static final int EVSE_ID = 1;

  private final boolean v21;

  private Ocpp2Dialect(boolean v21) {
    this.v21 = v21;
  }

  @Override
  public OutboundCall boot(String model) {
    return new OutboundCall("BootNotification", new JsonObject().put("reason", "PowerUp")
        .put("chargingStation", new JsonObject().put("vendorName", "Gridfleet-Sim").put("model", model)));
  }

  @Override
  public OutboundCall connectorOccupied(Instant at) {
    return new OutboundCall("StatusNotification", new JsonObject().put("timestamp", at.toString())
        .put("connectorStatus", "Occupied").put("evseId", EVSE_ID).put("connectorId", 1));
  }

  @Override
  public OutboundCall startTransaction(String transactionId, String idToken, MeterReading reading) {
    JsonObject event = transactionEvent("Started", "CablePluggedIn", 0, transactionId, reading)
        .put("evse", new JsonObject().put("id", EVSE_ID).put("connectorId", 1))
        .put("idToken", new JsonObject().put("idToken", idToken).put("type", "Central"));
    return new OutboundCall("TransactionEvent", event);
  }

  @Override
  public String transactionIdFrom(JsonObject startAnswer, String proposedId) {
    return proposedId;
  }

  @Override
  public OutboundCall meterValues(String transactionId, int seqNo, MeterReading reading) {
    return new OutboundCall("TransactionEvent",
        transactionEvent("Updated", "MeterValuePeriodic", seqNo, transactionId, reading));
  }

  private JsonObject transactionEvent(String type, String trigger, int seqNo, String txId, MeterReading r) {
    String state = Math.abs(r.powerKw()) > 0.01 ? "Charging" : "SuspendedEVSE";
    return new JsonObject().put("eventType", type).put("timestamp", r.at().toString())
        .put("triggerReason", trigger).put("seqNo", seqNo)
        .put("transactionInfo", new JsonObject().put("transactionId", txId).put("chargingState", state))
        .put("meterValue", new JsonArray().add(meterValue(r)));
  }

  private JsonObject meterValue(MeterReading r) {
    JsonArray sampled = ChargerDialect.meterSamples(r, Ocpp2Dialect::sample);
    if (v21) {
      sampled.add(sample(ChargerDialect.tenths(r.setpointKw()), "Power.Active.Setpoint", "W"));
    }
    return new JsonObject().put("timestamp", r.at().toString()).put("sampledValue", sampled);
  }

  private static JsonObject sample(double value, String measurand, String unit) {
    return new JsonObject().put("value", value).put("measurand", measurand)
        .put("unitOfMeasure", new JsonObject().put("unit", unit));
  }

  @Override
  public Optional<OutboundCall> chargingNeeds(EvProfile ev, double socNow, Instant at) {
    double neededWh = Math.max(0, (ev.targetSoc() - socNow) * ev.batteryKwh() * 1000);
    JsonObject needs = new JsonObject().put("departureTime", ev.departure().toString());
    if (v21) {
      double wh = ev.batteryKwh() * 1000;
      needs.put("requestedEnergyTransfer", "AC_BPT")
          .put("availableEnergyTransfer", new JsonArray().add("AC_three_phase").add("AC_BPT"))
          .put("controlMode", "DynamicControl")
          .put("v2xChargingParameters", new JsonObject()
              .put("maxChargePower", ev.maxChargeKw() * 1000)
              .put("maxDischargePower", ev.maxDischargeKw() * 1000)
              .put("evTargetEnergyRequest", Math.round(neededWh))
              .put("evMinEnergyRequest", Math.round((ev.reserveSoc() - socNow) * wh))
              .put("evMaxEnergyRequest", Math.round((1 - socNow) * wh))
              .put("evMinV2XEnergyRequest", Math.round((ev.reserveSoc() - socNow) * wh))
              .put("evMaxV2XEnergyRequest", Math.round((ev.targetSoc() - socNow) * wh))
              .put("targetSoC", (int) Math.round(ev.targetSoc() * 100)));
    } else {
      needs.put("requestedEnergyTransfer", "AC_three_phase")
          .put("acChargingParameters", new JsonObject().put("energyAmount", Math.round(neededWh))
              .put("evMinCurrent", 6).put("evMaxCurrent", 16).put("evMaxVoltage", 400));
    }
    return Optional.of(new OutboundCall("NotifyEVChargingNeeds",
        new JsonObject().put("evseId", EVSE_ID).put("chargingNeeds", needs)));
  }

  @Override
  public OutboundCall heartbeat() {
    return new OutboundCall("Heartbeat", new JsonObject());
  }

  @Override
  public Optional<ChargerCommand> command(ServerCall call) {
    boolean update = "UpdateDynamicSchedule".equals(call.action());
    if (!update && !"SetChargingProfile".equals(call.action())) {
      return Optional.empty();
    }
    // the first period's setpoint (2.1 CentralSetpoint), else its limit; an update's scheduleUpdate likewise
    double value = call.number("setpoint");
    if (Double.isNaN(value)) {
      value = call.number("limit");
    }
    if (Double.isNaN(value)) {
      return Optional.empty();
    }
    if (update) {
      return Optional.of(new ChargerCommand(value / 1000, false));
    }
    boolean fallback = !"TxProfile".equals(call.string("chargingProfilePurpose"));
    return Optional.of(new ChargerCommand(ChargerDialect.kwOf(value, call.string("chargingRateUnit")), fallback));
  }
}
