package org.gridfleet.v2g.ocpp;

import java.util.Optional;

/** OCPP-J versions Gridfleet speaks, in order of preference (most preferred first). */
public enum OcppVersion {
  V2_1("ocpp2.1", "2.1"),
  V2_0_1("ocpp2.0.1", "2.0.1"),
  V1_6("ocpp1.6", "1.6");

  private final String subprotocol;
  private final String schemaDir;

  OcppVersion(String subprotocol, String schemaDir) {
    this.subprotocol = subprotocol;
    this.schemaDir = schemaDir;
  }

  /** IANA-registered WebSocket subprotocol name. */
  public String subprotocol() {
    return subprotocol;
  }

  /** The version as people write it ("2.1", "2.0.1", "1.6"), e.g. for a metric tag. */
  public String label() {
    return schemaDir;
  }

  /** Classpath resource of the official schema of a request (CALL payload) of this version. */
  String requestSchema(String action) {
    return schemaDirectory() + "/" + action + requestSuffix();
  }

  /** Classpath resource of the official schema of a response (CALLRESULT payload). */
  String responseSchema(String action) {
    return schemaDirectory() + "/" + action + "Response.json";
  }

  /** Classpath directory of this version's schemas. */
  String schemaDirectory() {
    return "ocpp/" + schemaDir;
  }

  /** What follows the action name in a request schema's file name (1.6 names requests after the action alone). */
  String requestSuffix() {
    return this == V1_6 ? ".json" : "Request.json";
  }

  /** Whether this version has the CALLRESULTERROR (5) and SEND (6) message types. */
  boolean hasSendAndCallResultError() {
    return this == V2_1;
  }

  /**
   * Picks our most preferred version among those the charger offers in {@code Sec-WebSocket-Protocol}
   * (comma-separated). The station's order does not matter: the CSMS decides.
   */
  public static Optional<OcppVersion> negotiate(String offeredHeader) {
    if (offeredHeader == null) {
      return Optional.empty();
    }
    OcppVersion best = null;
    for (String offered : offeredHeader.split(",")) {
      String name = offered.trim();
      for (OcppVersion v : values()) {
        if (v.subprotocol.equals(name) && (best == null || v.ordinal() < best.ordinal())) {
          best = v;
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
