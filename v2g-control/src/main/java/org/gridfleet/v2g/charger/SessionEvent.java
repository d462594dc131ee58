package org.gridfleet.v2g.charger;

import java.time.Instant;
import java.util.Objects;

/**
 * A charging session started or ended on an EVSE.
 *
 * @param evse          the EVSE
 * @param transactionId OCPP transaction id (1.6 integer ids as text)
 * @param kind          started or ended
 * @param at            event time as reported by the charger
 * @param idToken       the session's id token, or null
 * @param vehicleId     the opted-in vehicle it was matched to, or null when unmatched
 */
public record SessionEvent(
    EvseRef evse, String transactionId, Kind kind, Instant at, String idToken, String vehicleId) {

  /** Lifecycle step. */
  public enum Kind { STARTED, ENDED }

  public SessionEvent {
    Objects.requireNonNull(evse, "evse");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
  }
}
