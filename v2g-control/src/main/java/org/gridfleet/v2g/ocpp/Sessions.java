package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.SessionEvent;

/** Version-neutral session bookkeeping shared by the adapters (start, meter values, end). */
final class Sessions {
  private Sessions() {}

  static void start(ChargerConnection c, EvseState evse, String transactionId, String idToken,
      String evIdentifier, Instant at) {
    if (transactionId.equals(evse.transactionId)) {
      return;
    }
    evse.endSession();
    evse.transactionId = transactionId;
    evse.idToken = idToken;
    c.services.vehicles().match(idToken, evIdentifier).ifPresent(v -> {
      evse.vehicleId = v.vehicleId();
      evse.soc = new SocPlausibility(v.batteryKwh(), c.config.socDivergenceTolerance());
    });
    c.services.events().onSession(new SessionEvent(
        evse.ref, transactionId, SessionEvent.Kind.STARTED, at, idToken, evse.vehicleId));
  }

  static void end(ChargerConnection c, EvseState evse, Instant at) {
    if (evse.transactionId == null) {
      return;
    }
    SessionEvent ended = new SessionEvent(
        evse.ref, evse.transactionId, SessionEvent.Kind.ENDED, at, evse.idToken, evse.vehicleId);
    evse.endSession();
    c.services.events().onSession(ended);
  }

  /** Handles an array of MeterValueType ({timestamp, sampledValue[]}). */
  static void meterValues(ChargerConnection c, EvseState evse, String transactionId, JsonArray meterValues) {
    if (meterValues == null) {
      return;
    }
    MeterParser p = c.meter;
    for (int i = 0; i < meterValues.size(); i++) {
      JsonObject mv = meterValues.getJsonObject(i);
      Instant at = instant(mv.getString("timestamp"), "meterValue.timestamp");
      p.parse(mv.getJsonArray("sampledValue"));
      Double socReported = Double.isNaN(p.socFraction) ? null : p.socFraction;
      Double socPlanning = socReported;
      boolean suspect = false;
      if (evse.soc != null) {
        if (!Double.isNaN(p.importKwh)) {
          evse.soc.energy(p.importKwh - (Double.isNaN(p.exportKwh) ? 0 : p.exportKwh));
        }
        if (socReported != null) {
          socPlanning = evse.soc.soc(socReported);
        }
        suspect = evse.soc.flagged();
      }
      MeterSample sample = new MeterSample(evse.ref, transactionId, at, socReported, socPlanning,
          nullIfNaN(p.powerKw), nullIfNaN(p.importKwh), nullIfNaN(p.exportKwh), suspect);
      c.services.telemetry().meter(sample);
      c.services.events().onMeter(sample);
    }
  }

  static Instant instant(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new OcppException(OcppErrorCode.PropertyConstraintViolation,
          field + " is not an RFC 3339 date-time: " + text);
    }
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
