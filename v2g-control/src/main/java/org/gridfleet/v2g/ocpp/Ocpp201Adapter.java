package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.gridfleet.v2g.charger.ChargerCommands.Trigger;
import org.gridfleet.v2g.charger.CompositeSchedule;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvNeeds;

/**
 * OCPP 2.0.1: TransactionEvent sessions, NotifyEVChargingNeeds, TxProfile limits in W. Discharge (a
 * negative limit) only for models flagged discharge-capable, as 2.0.1 gives it no standard meaning.
 */
class Ocpp201Adapter implements OcppAdapter {
  static final Ocpp201Adapter INSTANCE = new Ocpp201Adapter();
  static final int FALLBACK_PROFILE_ID = 1;
  static final int TX_PROFILE_ID_BASE = 1000;
  static final JsonObject EMPTY = new JsonObject();

  @Override
  public JsonObject onCall(ChargerConnection c, String action, JsonObject p) {
    return switch (action) {
      case "BootNotification" -> BootHandling.boot(c, this);
      case "Heartbeat" -> BootHandling.heartbeat(c);
      case "StatusNotification" -> {
        c.evse(p.getInteger("evseId")).connectorStatus = p.getString("connectorStatus");
        yield new JsonObject();
      }
      case "Authorize" -> new JsonObject().put("idTokenInfo", new JsonObject().put("status", "Accepted"));
      case "TransactionEvent" -> transactionEvent(c, p);
      case "MeterValues" -> {
        EvseState evse = c.evse(p.getInteger("evseId"));
        Sessions.meterValues(c, evse, evse.transactionId, p.getJsonArray("meterValue"));
        yield new JsonObject();
      }
      case "NotifyEVChargingNeeds" -> {
        EvseState evse = c.evse(p.getInteger("evseId"));
        c.services.events().onNeeds(needs(evse, p.getJsonObject("chargingNeeds")));
        yield new JsonObject().put("status", "Accepted");
      }
      case "NotifyEVChargingSchedule" -> {
        c.evse(p.getInteger("evseId"));
        yield new JsonObject().put("status", "Accepted");
      }
      case "ReportChargingProfiles" -> new JsonObject();
      default -> throw new OcppException(OcppErrorCode.NotImplemented,
          "Gridfleet does not handle " + action + " on " + c.version.subprotocol());
    };
  }

  private JsonObject transactionEvent(ChargerConnection c, JsonObject p) {
    JsonObject info = p.getJsonObject("transactionInfo");
    String txId = info.getString("transactionId");
    Instant at = Sessions.instant(p.getString("timestamp"), "timestamp");
    JsonObject evseObj = p.getJsonObject("evse");
    EvseState evse = evseObj != null ? c.evse(evseObj.getInteger("id")) : Sessions.evseOf(c, txId);
    JsonObject idToken = p.getJsonObject("idToken");
    String token = idToken == null ? null : idToken.getString("idToken");
    // ISO 15118 / Autocharge report the EVCCID as an idToken of type MacAddress: it names the car, not a card
    String evIdentifier = idToken != null && "MacAddress".equals(idToken.getString("type")) ? token : null;
    String eventType = p.getString("eventType");
    // an Ended of a session started before a reconnect or restart resumes it first, so it ends properly
    Sessions.start(c, evse, txId, token, evIdentifier, at);
    Sessions.meterValues(c, evse, txId, p.getJsonArray("meterValue"));
    if ("Ended".equals(eventType)) {
      Sessions.end(c, evse, at);
    }
    return new JsonObject();
  }

  /** 2.0.1: departure, energyAmount (AC/DC), DC stateOfCharge/targets. */
  EvNeeds needs(EvseState evse, JsonObject n) {
    JsonObject ac = n.getJsonObject("acChargingParameters");
    JsonObject dc = n.getJsonObject("dcChargingParameters");
    JsonObject params = ac != null ? ac : dc;
    Double energyKwh = params == null ? null : kilo(params.getValue("energyAmount"));
    Double maxKw = dc != null ? kilo(dc.getValue("evMaxPower")) : null;
    return new EvNeeds(evse.ref, Sessions.instant(n.getString("departureTime"), "departureTime"),
        energyKwh, null, null, null, null, maxKw, null);
  }

  static Double kilo(Object watts) {
    return watts instanceof Number w ? w.doubleValue() / 1000 : null;
  }

  @Override
  public Control control(ChargerConnection c, EvseState evse, double powerKw, boolean setpoint) {
    if (evse.transactionId == null) {
      return Control.refuse(Status.NO_SESSION, "no transaction on " + evse.ref);
    }
    if (powerKw < 0 && !c.charger.dischargeCapable()) {
      return Control.refuse(Status.NOT_SUPPORTED,
          c.version.subprotocol() + " has no standard discharge and model is not flagged discharge-capable");
    }
    double limitW = OcppAdapter.watts(Math.min(powerKw, c.charger.maxPowerKw()));
    JsonObject period = new JsonObject().put("startPeriod", 0).put("limit", limitW);
    return new Control(null, setChargingProfile(evse.ref.evseId(), new JsonObject()
        .put("id", TX_PROFILE_ID_BASE + evse.ref.evseId())
        .put("stackLevel", 1)
        .put("chargingProfilePurpose", "TxProfile")
        .put("chargingProfileKind", "Relative")
        .put("transactionId", evse.transactionId)
        .put("validTo", validTo(c))
        .put("chargingSchedule", schedule(period))), OcppAdapter::statusOf);
  }

  @Override
  public boolean renewsTxProfiles() {
    return true;
  }

  /** When a TxProfile sent now lapses to the fallback unless renewed: now + maxOfflineDuration. */
  static String validTo(ChargerConnection c) {
    return c.services.clock().instant().plus(c.config.maxOfflineDuration()).toString();
  }

  @Override
  public OutboundRequest fallbackProfile(ChargerConnection c) {
    JsonObject period = new JsonObject().put("startPeriod", 0)
        .put("limit", FallbackSizing.perEvseLimitW(c.charger));
    return setChargingProfile(0, new JsonObject()
        .put("id", FALLBACK_PROFILE_ID)
        .put("stackLevel", 0)
        .put("chargingProfilePurpose", "TxDefaultProfile")
        .put("chargingProfileKind", "Relative")
        .put("chargingSchedule", schedule(fallbackPeriod(period))));
  }

  @Override
  public Command<DispatchResult> clearTxProfile(EvseState evse) {
    return Command.clearTx(evse, new JsonObject()
        .put("chargingProfileCriteria", new JsonObject().put("evseId", evse.ref.evseId())
            .put("chargingProfilePurpose", "TxProfile").put("stackLevel", 1)));
  }

  @Override
  public Command<CompositeSchedule> compositeSchedule(EvseState evse, int durationSeconds) {
    JsonObject request = new JsonObject().put("duration", durationSeconds).put("chargingRateUnit", "W")
        .put("evseId", evse.ref.evseId());
    return new Command<>(null, new OutboundRequest("GetCompositeSchedule", request), response -> {
      JsonObject schedule = response.getJsonObject("schedule");
      return OcppAdapter.composite(response, schedule, schedule == null ? null : schedule.getString("scheduleStart"));
    });
  }

  @Override
  public Command<DispatchResult> startTransaction(EvseState evse, String idToken) {
    if (evse.transactionId != null) {
      return Command.refuse(Status.REJECTED, "transaction " + evse.transactionId + " already runs on " + evse.ref);
    }
    return Command.send("RequestStartTransaction", new JsonObject()
        .put("evseId", evse.ref.evseId())
        .put("remoteStartId", OcppAdapter.REMOTE_START_IDS.incrementAndGet())
        .put("idToken", new JsonObject().put("idToken", idToken).put("type", "Central")));
  }

  @Override
  public Command<DispatchResult> stopTransaction(EvseState evse) {
    if (evse.transactionId == null) {
      return Command.refuse(Status.NO_SESSION, "no transaction on " + evse.ref);
    }
    return Command.send("RequestStopTransaction", new JsonObject().put("transactionId", evse.transactionId));
  }

  @Override
  public Command<DispatchResult> trigger(EvseState evse, Trigger message) {
    return Command.send("TriggerMessage", new JsonObject().put("requestedMessage", OcppAdapter.wireName(message))
        .put("evse", new JsonObject().put("id", evse.ref.evseId())));
  }

  /** Hook for 2.1 to mark the fallback ChargingOnly. */
  JsonObject fallbackPeriod(JsonObject period) {
    return period;
  }

  static JsonArray schedule(JsonObject period) {
    return new JsonArray().add(new JsonObject()
        .put("id", 1)
        .put("chargingRateUnit", "W")
        .put("chargingSchedulePeriod", new JsonArray().add(period)));
  }

  static OutboundRequest setChargingProfile(int evseId, JsonObject profile) {
    return new OutboundRequest("SetChargingProfile",
        new JsonObject().put("evseId", evseId).put("chargingProfile", profile));
  }
}
