package org.gridfleet.v2g.charger;

import java.util.Objects;
import java.util.Optional;

/**
 * The running sessions of every charger, kept beyond one WebSocket connection and (when the implementation stores
 * them) beyond a restart of Gridfleet. OCPP names the EVSE and the id token only in a transaction's first message;
 * a charger that reconnects, or reaches a restarted Gridfleet, goes on with bare transaction ids, which this turns
 * back into the EVSE, the id token and so the vehicle. Called on gateway event loops: answer from memory, never
 * block (hand any storage to another thread).
 */
public interface SessionMemory {

  /** A session started (or resumed) on an EVSE. */
  void remember(RunningSession session);

  /** The session ended. */
  void forget(String chargerId, String transactionId);

  /** The running session with this transaction id on this charger, if Gridfleet saw it start. */
  Optional<RunningSession> find(String chargerId, String transactionId);

  /**
   * @param evse          where it runs
   * @param transactionId the charger's (2.x) or Gridfleet's (1.6) transaction id
   * @param idToken       the id token it was authorized with, or null
   * @param evIdentifier  the EV identifier (ISO 15118 EVCCID) it reported, or null
   */
  record RunningSession(EvseRef evse, String transactionId, String idToken, String evIdentifier) {
    public RunningSession {
      Objects.requireNonNull(evse, "evse");
      Objects.requireNonNull(transactionId, "transactionId");
    }
  }
}
