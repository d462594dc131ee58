package org.gridfleet.v2g.ocpp;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.EvseRef;

/** Live state of one EVSE, owned by its connection's event loop. */
final class EvseState {
  final EvseRef ref;
  String connectorStatus = "Unknown";
  /** Active transaction id, or null when no session. */
  String transactionId;
  String idToken;
  String vehicleId;
  SocPlausibility soc;
  /** Profile id of the installed 2.1 Dynamic TxProfile for the current transaction, or 0. */
  int dynamicProfileId;
  /** "Latest wins" slot: the control value waiting to be sent, or null. */
  PendingControl pending;
  /** The last control value the charger accepted, re-sent at {@link #renewAt} (2.0.1/1.6 validTo). */
  PendingControl steered;
  /** When the accepted TxProfile must be renewed before its validTo lapses, or null when none to renew. */
  Instant renewAt;

  EvseState(EvseRef ref) {
    this.ref = ref;
  }

  void endSession() {
    transactionId = null;
    idToken = null;
    vehicleId = null;
    soc = null;
    forgetTxProfile();
  }

  /** Gridfleet's TxProfile is gone (cleared, or its transaction ended): nothing to update or renew. */
  void forgetTxProfile() {
    dynamicProfileId = 0;
    steered = null;
    renewAt = null;
  }

  /**
   * A setpoint (signed kW) or limit (kW cap) waiting for the connection's single outbound CALL slot.
   */
  record PendingControl(double powerKw, boolean setpoint, CompletableFuture<DispatchResult> result) {}
}
