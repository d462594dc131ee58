package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonObject;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvNeeds;

/**
 * OCPP 2.1: standard bidirectional control. The first setpoint of a transaction installs a Dynamic
 * TxProfile (operationMode CentralSetpoint, signed setpoint, limit, dischargeLimit, maxOfflineDuration);
 * later setpoints are small UpdateDynamicSchedule messages. A limit installs a ChargingOnly profile.
 */
final class Ocpp21Adapter extends Ocpp201Adapter {
  static final Ocpp21Adapter INSTANCE = new Ocpp21Adapter();

  private Ocpp21Adapter() {}

  @Override
  EvNeeds needs(EvseState evse, JsonObject n) {
    JsonObject v2x = n.getJsonObject("v2xChargingParameters");
    if (v2x == null) {
      return super.needs(evse, n);
    }
    Object targetSoc = v2x.getValue("targetSoC");
    Object maxDischarge = v2x.getValue("maxDischargePower");
    return new EvNeeds(evse.ref, Sessions.instant(n.getString("departureTime"), "departureTime"),
        kilo(v2x.getValue("evTargetEnergyRequest")), kilo(v2x.getValue("evMinEnergyRequest")),
        kilo(v2x.getValue("evMinV2XEnergyRequest")), kilo(v2x.getValue("evMaxV2XEnergyRequest")),
        targetSoc instanceof Number s ? s.doubleValue() / 100 : null,
        kilo(v2x.getValue("maxChargePower")),
        maxDischarge instanceof Number d ? Math.abs(d.doubleValue()) / 1000 : null);
  }

  @Override
  public Control control(ChargerConnection c, EvseState evse, double powerKw, boolean setpoint) {
    if (evse.transactionId == null) {
      return Control.refuse(Status.NO_SESSION, "no transaction on " + evse.ref);
    }
    double maxW = OcppAdapter.watts(c.charger.maxPowerKw());
    if (!setpoint) {
      evse.dynamicProfileId = 0;
      JsonObject period = new JsonObject().put("startPeriod", 0).put("operationMode", "ChargingOnly")
          .put("limit", OcppAdapter.watts(Math.min(powerKw, c.charger.maxPowerKw())));
      return new Control(null, txProfile(c, evse, "Relative", period), OcppAdapter::statusOf);
    }
    double setpointW = OcppAdapter.watts(Math.max(-c.charger.maxPowerKw(), Math.min(powerKw, c.charger.maxPowerKw())));
    if (evse.dynamicProfileId != 0) {
      JsonObject update = new JsonObject().put("chargingProfileId", evse.dynamicProfileId)
          .put("scheduleUpdate", new JsonObject()
              .put("setpoint", setpointW).put("limit", maxW).put("dischargeLimit", -maxW));
      return new Control(null, new OutboundRequest("UpdateDynamicSchedule", update), OcppAdapter::statusOf);
    }
    JsonObject period = new JsonObject().put("startPeriod", 0).put("operationMode", "CentralSetpoint")
        .put("setpoint", setpointW).put("limit", maxW).put("dischargeLimit", -maxW);
    int profileId = TX_PROFILE_ID_BASE + evse.ref.evseId();
    String transactionId = evse.transactionId;
    return new Control(null, txProfile(c, evse, "Dynamic", period), response -> {
      DispatchResult result = OcppAdapter.statusOf(response);
      if (result.status() == Status.ACCEPTED && transactionId.equals(evse.transactionId)) {
        evse.dynamicProfileId = profileId;
      }
      return result;
    });
  }

  /** 2.1 profiles lapse by themselves: maxOfflineDuration with invalidAfterOfflineDuration. */
  @Override
  public boolean renewsTxProfiles() {
    return false;
  }

  private static OutboundRequest txProfile(ChargerConnection c, EvseState evse, String kind, JsonObject period) {
    return setChargingProfile(evse.ref.evseId(), new JsonObject()
        .put("id", TX_PROFILE_ID_BASE + evse.ref.evseId())
        .put("stackLevel", 1)
        .put("chargingProfilePurpose", "TxProfile")
        .put("chargingProfileKind", kind)
        .put("transactionId", evse.transactionId)
        .put("maxOfflineDuration", (int) c.config.maxOfflineDuration().toSeconds())
        // a setpoint outlived by the outage must not revive on reconnect: the fallback holds until a new one
        .put("invalidAfterOfflineDuration", true)
        .put("chargingSchedule", schedule(period)));
  }

  @Override
  JsonObject fallbackPeriod(JsonObject period) {
    return period.put("operationMode", "ChargingOnly");
  }
}
