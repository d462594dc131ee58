package org.gridfleet.v2g.charger;

import java.util.Optional;

/**
 * Registered chargers, looked up by OCPP identity during the WebSocket handshake.
 *
 * <p>Called on the event loop: implementations answer from memory (the aggregator keeps a cache in
 * front of its database). Password hashing is the implementation's business; the gateway never sees a
 * hash.
 */
public interface ChargerDirectory {

  /** The charger, or empty when the identity is not registered (the handshake is then refused). */
  Optional<ChargerRecord> find(String chargerId);

  /**
   * Checks an OCPP security profile 1/2 password (HTTP Basic) for the charger. The caller wipes the
   * array afterwards.
   */
  boolean verifyPassword(String chargerId, char[] password);
}
