package org.gridfleet.v2g.charger;

import java.util.Objects;

/**
 * Outcome of one setpoint or limit sent to an EVSE.
 *
 * @param status what happened
 * @param detail human-readable reason (the charger's status or error code), never null
 */
public record DispatchResult(Status status, String detail) {

  /** Outcome kinds. Only {@link #ACCEPTED} means the charger took the value. */
  public enum Status {
    /** The charger answered Accepted. */
    ACCEPTED,
    /** The charger answered Rejected or with a CALLERROR. */
    REJECTED,
    /** No answer within the call timeout. */
    TIMED_OUT,
    /** A newer value for the same EVSE replaced this one before it was sent. */
    SUPERSEDED,
    /** The charger is not connected or not booted. */
    OFFLINE,
    /** No transaction on that EVSE (a TxProfile needs one). */
    NO_SESSION,
    /** Discharge asked of a charger whose OCPP version/model cannot express it. */
    NOT_SUPPORTED
  }

  public DispatchResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  public static DispatchResult of(Status status, String detail) {
    return new DispatchResult(status, detail);
  }
}
