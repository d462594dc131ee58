package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.gridfleet.v2g.charger.ChargerCommands.Trigger;
import org.gridfleet.v2g.charger.CompositeSchedule;
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

  /**
   * True when this version's TxProfiles carry a {@code validTo} that Gridfleet renews while it steers the EVSE
   * (2.0.1, 1.6: they have no maxOfflineDuration, and a TxProfile would otherwise hold for the whole
   * transaction after Gridfleet is gone).
   */
  boolean renewsTxProfiles();

  /** The TxDefaultProfile offline fallback sent after an accepted boot. */
  OutboundRequest fallbackProfile(ChargerConnection c);

  /** Clears Gridfleet's TxProfile (stack level 1) on the EVSE; Accepted forgets it (no update, no renewal). */
  Command<DispatchResult> clearTxProfile(EvseState evse);

  /** GetCompositeSchedule in W for the EVSE. */
  Command<CompositeSchedule> compositeSchedule(EvseState evse, int durationSeconds);

  /** RequestStartTransaction (2.x) / RemoteStartTransaction (1.6); refused while a transaction runs. */
  Command<DispatchResult> startTransaction(EvseState evse, String idToken);

  /** RequestStopTransaction (2.x) / RemoteStopTransaction (1.6) of the EVSE's transaction. */
  Command<DispatchResult> stopTransaction(EvseState evse);

  /** TriggerMessage for the EVSE. */
  Command<DispatchResult> trigger(EvseState evse, Trigger message);

  /** remoteStartId of 2.x RequestStartTransaction: unique per gateway process. */
  AtomicInteger REMOTE_START_IDS = new AtomicInteger();

  /**
   * A one-off command: either a refusal (nothing sent) or a request plus how to read its answer.
   *
   * @param <T> what the caller gets
   */
  record Command<T>(DispatchResult refusal, OutboundRequest request, Function<JsonObject, T> onAnswer) {
    static <T> Command<T> refuse(DispatchResult.Status status, String detail) {
      return new Command<>(DispatchResult.of(status, detail), null, null);
    }

    static Command<DispatchResult> send(String action, JsonObject payload) {
      return new Command<>(null, new OutboundRequest(action, payload), OcppAdapter::statusOf);
    }

    /** A ClearChargingProfile of the EVSE's TxProfile: once Accepted, the EVSE has none to update or renew. */
    static Command<DispatchResult> clearTx(EvseState evse, JsonObject payload) {
      return new Command<>(null, new OutboundRequest("ClearChargingProfile", payload), response -> {
        DispatchResult result = statusOf(response);
        if (result.status() == DispatchResult.Status.ACCEPTED) {
          evse.forgetTxProfile();
        }
        return result;
      });
    }
  }

  /** The wire name of a TriggerMessage requestedMessage (the same in all three versions). */
  static String wireName(Trigger message) {
    return switch (message) {
      case BOOT_NOTIFICATION -> "BootNotification";
      case HEARTBEAT -> "Heartbeat";
      case METER_VALUES -> "MeterValues";
      case STATUS_NOTIFICATION -> "StatusNotification";
    };
  }

  /**
   * Reads a GetCompositeScheduleResponse whose schedule object (2.x {@code schedule}, 1.6
   * {@code chargingSchedule}) is {@code schedule} and starts at {@code start}; periods in W become kW.
   */
  static CompositeSchedule composite(JsonObject response, JsonObject schedule, String start) {
    DispatchResult status = statusOf(response);
    if (status.status() != DispatchResult.Status.ACCEPTED || schedule == null) {
      return CompositeSchedule.none(status.status() == DispatchResult.Status.ACCEPTED
          ? DispatchResult.of(DispatchResult.Status.REJECTED, "Accepted without a schedule") : status);
    }
    if (!"W".equals(schedule.getString("chargingRateUnit"))) {
      return CompositeSchedule.none(DispatchResult.of(DispatchResult.Status.REJECTED,
          "schedule asked in W came back in " + schedule.getString("chargingRateUnit")));
    }
    List<CompositeSchedule.Period> periods = new ArrayList<>();
    JsonArray wire = schedule.getJsonArray("chargingSchedulePeriod");
    for (int i = 0; i < wire.size(); i++) {
      JsonObject p = wire.getJsonObject(i);
      periods.add(new CompositeSchedule.Period(p.getLong("startPeriod"),
          Ocpp201Adapter.kilo(p.getValue("limit")), Ocpp201Adapter.kilo(p.getValue("setpoint"))));
    }
    return new CompositeSchedule(status, Sessions.instant(start, "scheduleStart"), periods);
  }

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
