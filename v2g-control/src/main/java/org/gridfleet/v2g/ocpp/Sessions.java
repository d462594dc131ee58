package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.gridfleet.v2g.charger.SessionMemory;
import org.gridfleet.v2g.charger.SessionMemory.RunningSession;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.SessionEvent;

/** Version-neutral session bookkeeping shared by the adapters (start, meter values, end). */
final class Sessions {
  private Sessions() {}

  /**
   * Starts a session on the EVSE, or resumes one Gridfleet saw start before a reconnect or restart: a message
   * without id token or EV identifier takes them from {@link SessionMemory}, so the vehicle is matched again.
   */
  static void start(ChargerConnection c, EvseState evse, String transactionId, String idToken,
      String evIdentifier, Instant at) {
    if (transactionId.equals(evse.transactionId)) {
      return;
    }
    if (idToken == null && evIdentifier == null) {
      Optional<RunningSession> known = c.services.sessions().find(c.chargerId(), transactionId)
          .filter(s -> s.evse().equals(evse.ref));
      idToken = known.map(RunningSession::idToken).orElse(null);
      evIdentifier = known.map(RunningSession::evIdentifier).orElse(null);
    }
    end(c, evse, at); // a session the charger replaced without telling: it is over
    evse.transactionId = transactionId;
    evse.idToken = idToken;
    c.services.sessions().remember(new RunningSession(evse.ref, transactionId, idToken, evIdentifier));
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
    c.services.sessions().forget(c.chargerId(), evse.transactionId);
    evse.endSession();
    c.services.events().onSession(ended);
  }

  /**
   * The EVSE a transaction runs on: this connection's, else the one Gridfleet remembers it started on (the
   * charger reconnected, or Gridfleet restarted). Throws when neither knows it.
   */
  static EvseState evseOf(ChargerConnection c, String transactionId) {
    return find(c, transactionId).orElseThrow(() -> new OcppException(OcppErrorCode.OccurrenceConstraintViolation,
        "evse is required: transaction " + transactionId + " is not known on this charger"));
  }

  /** As {@link #evseOf}, empty when neither knows it. */
  static Optional<EvseState> find(ChargerConnection c, String transactionId) {
    for (int id = 1; id <= c.charger.evseCount(); id++) {
      if (transactionId.equals(c.evse(id).transactionId)) {
        return Optional.of(c.evse(id));
      }
    }
    return c.services.sessions().find(c.chargerId(), transactionId)
        .filter(s -> s.evse().evseId() <= c.charger.evseCount())
        .map(s -> c.evse(s.evse().evseId()));
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
    Instant common = Rfc3339.parse(text);
    if (common != null) {
      return common;
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
