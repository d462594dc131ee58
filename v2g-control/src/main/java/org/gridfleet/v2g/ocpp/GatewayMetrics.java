package org.gridfleet.v2g.ocpp;

/**
 * What the gateway reports per frame for operations. Called on the connection's event loop for every
 * CALL and CALLERROR, so implementations must not block and should not allocate: meters are looked up,
 * not built. {@code action} is always an action of the official schemas of {@code version}, or
 * {@link #UNKNOWN_ACTION} for a name the charger made up (bounding the number of series).
 */
public interface GatewayMetrics {

  /** Stands in for an action name that is not in the negotiated version's schemas. */
  String UNKNOWN_ACTION = "unknown";

  /** Who sent a CALL or a CALLERROR. */
  enum Direction {
    /** charger → Gridfleet */
    IN,
    /** Gridfleet → charger */
    OUT
  }

  GatewayMetrics NOOP = new GatewayMetrics() {
    @Override
    public void connected(OcppVersion version) {}

    @Override
    public void disconnected(OcppVersion version) {}

    @Override
    public void call(OcppVersion version, String action, Direction direction) {}

    @Override
    public void callError(OcppErrorCode code, Direction direction) {}

    @Override
    public void roundTrip(OcppVersion version, String action, long nanos) {}

    @Override
    public void provenInFull(Direction direction) {}
  };

  /** A WebSocket was accepted with this negotiated version. */
  void connected(OcppVersion version);

  /** That WebSocket closed. */
  void disconnected(OcppVersion version);

  /** A CALL (or 2.1 SEND) of this action went in or out. */
  void call(OcppVersion version, String action, Direction direction);

  /** A CALLERROR (or 2.1 CALLRESULTERROR) with this code went in or out. */
  void callError(OcppErrorCode code, Direction direction);

  /** One of Gridfleet's CALLs was answered (CALLRESULT or CALLERROR) after {@code nanos}; timeouts are not. */
  void roundTrip(OcppVersion version, String action, long nanos);

  /**
   * A CALL passed the full schema validator; the others of its direction repeated a proven shape and had only
   * their changed values checked ({@link ProvenShapes}). Against the CALL count it shows how often chargers vary
   * their payloads' shape, which is what the validator costs.
   */
  void provenInFull(Direction direction);
}
