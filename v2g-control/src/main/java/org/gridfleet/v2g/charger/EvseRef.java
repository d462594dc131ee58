package org.gridfleet.v2g.charger;

import java.util.Objects;

/**
 * One EVSE of one charger: OCPP 2.x {@code evseId}, OCPP 1.6 {@code connectorId} (both start at 1).
 *
 * @param chargerId the charger's OCPP identity (last path segment of its WebSocket URL)
 * @param evseId    1-based EVSE number on that charger
 */
public record EvseRef(String chargerId, int evseId) {
  public EvseRef {
    Objects.requireNonNull(chargerId, "chargerId");
    if (chargerId.isBlank()) {
      throw new IllegalArgumentException("chargerId must not be blank");
    }
    if (evseId < 1) {
      throw new IllegalArgumentException("evseId must be >= 1, was " + evseId);
    }
  }
}
