package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridfleet.v2g.charger.ChargerCommands.Trigger;
import org.gridfleet.v2g.charger.CompositeSchedule;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.DispatchResult.Status;

/**
 * OCPP 1.6: Start/StopTransaction + MeterValues, connector = EVSE, TxProfile limits in W. No EV needs
 * message exists. Discharge (negative limit) only for models flagged discharge-capable.
 */
final class Ocpp16Adapter implements OcppAdapter {
  static final Ocpp16Adapter INSTANCE = new Ocpp16Adapter();
  /**
   * 1.6 transaction ids are integers chosen by the central system. Seeded with the seconds since 2025 so a
   * restarted Gridfleet does not reissue an id a station may still be running (it would take more than one
   * transaction per second since the previous start to catch up); int holds the seconds until 2093.
   */
  private static final AtomicInteger TRANSACTION_IDS =
      new AtomicInteger((int) (Instant.now().getEpochSecond() - Instant.parse("2025-01-01T00:00:00Z").getEpochSecond()));

  private Ocpp16Adapter() {}

  @Override
  public JsonObject onCall(ChargerConnection c, String action, JsonObject p) {
    return switch (action) {
      case "BootNotification" -> BootHandling.boot(c, this);
      case "Heartbeat" -> BootHandling.heartbeat(c);
      case "StatusNotification" -> {
        int connectorId = p.getInteger("connectorId");
        if (connectorId > 0) {
          c.evse(connectorId).connectorStatus = p.getString("status");
        }
        yield new JsonObject();
      }
      case "Authorize" -> accepted();
      case "StartTransaction" -> {
        EvseState evse = c.evse(p.getInteger("connectorId"));
        int txId = TRANSACTION_IDS.incrementAndGet();
        Instant at = Sessions.instant(p.getString("timestamp"), "timestamp");
        Sessions.start(c, evse, Integer.toString(txId), p.getString("idTag"), null, at);
        yield accepted().put("transactionId", txId);
      }
      case "StopTransaction" -> {
        String txId = Integer.toString(p.getInteger("transactionId"));
        Instant at = Sessions.instant(p.getString("timestamp"), "timestamp");
        // unknown everywhere (started before Gridfleet ever saw this charger): answered, nothing to end
        Sessions.find(c, txId).ifPresent(evse -> {
          Sessions.start(c, evse, txId, null, null, at); // resumes one started before a reconnect or restart
          Sessions.meterValues(c, evse, txId, p.getJsonArray("transactionData"));
          Sessions.end(c, evse, at);
        });
        yield new JsonObject();
      }
      case "MeterValues" -> {
        EvseState evse = c.evse(p.getInteger("connectorId"));
        Integer txId = p.getInteger("transactionId");
        if (txId != null) {
          // a transaction this connection has not seen start: resumed after a reconnect or restart
          Sessions.start(c, evse, txId.toString(), null, null, c.services.clock().instant());
        }
        Sessions.meterValues(c, evse, txId == null ? evse.transactionId : txId.toString(),
            p.getJsonArray("meterValue"));
        yield new JsonObject();
      }
      default -> throw new OcppException(OcppErrorCode.NotImplemented,
          "Gridfleet does not handle " + action + " on ocpp1.6");
    };
  }

  private static JsonObject accepted() {
    return new JsonObject().put("idTagInfo", new JsonObject().put("status", "Accepted"));
  }

  @Override
  public Control control(ChargerConnection c, EvseState evse, double powerKw, boolean setpoint) {
    if (evse.transactionId == null) {
      return Control.refuse(Status.NO_SESSION, "no transaction on " + evse.ref);
    }
    if (powerKw < 0 && !c.charger.dischargeCapable()) {
      return Control.refuse(Status.NOT_SUPPORTED,
          "ocpp1.6 has no standard discharge and model is not flagged discharge-capable");
    }
    double limitW = OcppAdapter.watts(Math.min(powerKw, c.charger.maxPowerKw()));
    JsonObject profile = profile(Ocpp201Adapter.TX_PROFILE_ID_BASE + evse.ref.evseId(), 1, "TxProfile", limitW)
        .put("transactionId", Integer.parseInt(evse.transactionId))
        .put("validTo", Ocpp201Adapter.validTo(c));
    return new Control(null, request(evse.ref.evseId(), profile), OcppAdapter::statusOf);
  }

  @Override
  public boolean renewsTxProfiles() {
    return true;
  }

  @Override
  public OutboundRequest fallbackProfile(ChargerConnection c) {
    return request(0, profile(Ocpp201Adapter.FALLBACK_PROFILE_ID, 0, "TxDefaultProfile",
        FallbackSizing.perEvseLimitW(c.charger)));
  }

  @Override
  public Command<DispatchResult> clearTxProfile(EvseState evse) {
    return Command.clearTx(evse, new JsonObject().put("connectorId", evse.ref.evseId())
        .put("chargingProfilePurpose", "TxProfile").put("stackLevel", 1));
  }

  @Override
  public Command<CompositeSchedule> compositeSchedule(EvseState evse, int durationSeconds) {
    JsonObject request = new JsonObject().put("connectorId", evse.ref.evseId()).put("duration", durationSeconds)
        .put("chargingRateUnit", "W");
    return new Command<>(null, new OutboundRequest("GetCompositeSchedule", request), response -> OcppAdapter
        .composite(response, response.getJsonObject("chargingSchedule"), response.getString("scheduleStart")));
  }

  @Override
  public Command<DispatchResult> startTransaction(EvseState evse, String idToken) {
    if (evse.transactionId != null) {
      return Command.refuse(Status.REJECTED, "transaction " + evse.transactionId + " already runs on " + evse.ref);
    }
    return Command.send("RemoteStartTransaction",
        new JsonObject().put("connectorId", evse.ref.evseId()).put("idTag", idToken));
  }

  @Override
  public Command<DispatchResult> stopTransaction(EvseState evse) {
    if (evse.transactionId == null) {
      return Command.refuse(Status.NO_SESSION, "no transaction on " + evse.ref);
    }
    return Command.send("RemoteStopTransaction",
        new JsonObject().put("transactionId", Integer.parseInt(evse.transactionId)));
  }

  @Override
  public Command<DispatchResult> trigger(EvseState evse, Trigger message) {
    return Command.send("TriggerMessage", new JsonObject().put("requestedMessage", OcppAdapter.wireName(message))
        .put("connectorId", evse.ref.evseId()));
  }

  private static JsonObject profile(int id, int stackLevel, String purpose, double limitW) {
    return new JsonObject()
        .put("chargingProfileId", id)
        .put("stackLevel", stackLevel)
        .put("chargingProfilePurpose", purpose)
        .put("chargingProfileKind", "Relative")
        .put("chargingSchedule", new JsonObject()
            .put("chargingRateUnit", "W")
            .put("chargingSchedulePeriod", new io.vertx.core.json.JsonArray()
                .add(new JsonObject().put("startPeriod", 0).put("limit", limitW))));
  }

  private static OutboundRequest request(int connectorId, JsonObject profile) {
    return new OutboundRequest("SetChargingProfile",
        new JsonObject().put("connectorId", connectorId).put("csChargingProfiles", profile));
  }
}
