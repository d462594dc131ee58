package org.gridfleet.v2g.charger;

import java.time.Instant;

/**
 * Where the gateway sends telemetry. Called on the event loop: implementations MUST NOT block — they
 * enqueue and persist from their own thread (dropping and counting when the queue is full).
 */
public interface TelemetrySink {

  /** A meter reading (SoC, power, energy). */
  void meter(MeterSample sample);

  /**
   * A setpoint or limit went out on the wire.
   *
   * @param powerKw signed kW (+ charge); for a limit, the cap
   */
  void setpointSent(EvseRef evse, double powerKw, Instant at);

  /** The charger answered (or did not) a setpoint or limit. */
  void ackReceived(EvseRef evse, DispatchResult result, Instant at);
}
