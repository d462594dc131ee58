package org.gridfleet.v2g.ocpp;

/**
 * CALLERROR codes (OCPP-J 2.x spelling; the 1.6 errata adopted the same names). Parsing also accepts the
 * original 1.6 spellings {@code FormationViolation} and {@code OccurenceConstraintViolation}, which
 * clients such as ocpp-rpc still send.
 */
public enum OcppErrorCode {
  FormatViolation,
  GenericError,
  InternalError,
  MessageTypeNotSupported,
  NotImplemented,
  NotSupported,
  OccurrenceConstraintViolation,
  PropertyConstraintViolation,
  ProtocolError,
  RpcFrameworkError,
  SecurityError,
  TypeConstraintViolation;

  /** The code as sent on a connection of that version (1.6 has no MessageTypeNotSupported). */
  String wireName(OcppVersion version) {
    if (version == OcppVersion.V1_6 && (this == MessageTypeNotSupported || this == RpcFrameworkError)) {
      return ProtocolError.name();
    }
    return name();
  }

  /** Parses a received code, tolerating the 1.6 spellings; unknown codes become GenericError. */
  static OcppErrorCode parse(String wire) {
    return switch (wire) {
      case "FormationViolation" -> FormatViolation;
      case "OccurenceConstraintViolation" -> OccurrenceConstraintViolation;
      default -> {
        try {
          yield valueOf(wire);
        } catch (IllegalArgumentException unknown) {
          yield GenericError;
        }
      }
    };
  }
}
