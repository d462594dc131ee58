package org.gridfleet.v2g.ocpp;

/**
 * A frame or payload that must be answered with a CALLERROR. Thrown before any state changes. No stack
 * trace: it is control flow on the frame path, not a bug.
 */
final class OcppException extends RuntimeException {
  private final OcppErrorCode code;

  OcppException(OcppErrorCode code, String description) {
    super(description, null, false, false);
    this.code = code;
  }

  OcppErrorCode code() {
    return code;
  }
}
