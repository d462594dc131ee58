package org.gridfleet.v2g.ocpp;

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

  EvseState(EvseRef ref) {
    this.ref = ref;
  }

  void endSession() {
    transactionId = null;
    idToken = null;
    vehicleId = null;
    soc = null;
    dynamicProfileId = 0;
  }

  /**
   * A setpoint (signed kW) or limit (kW cap) waiting for the connection's single outbound CALL slot.
   */
  record PendingControl(double powerKw, boolean setpoint, CompletableFuture<DispatchResult> result) {}
}
