package org.gridfleet.v2g.charger;

import java.util.Optional;

/**
 * Matches a plugged-in session to an opted-in vehicle. Called on the event loop; answers from memory.
 */
public interface VehicleMatcher {

  /**
   * @param idToken      the session's id token (RFID, eMAID, ...), or null
   * @param evIdentifier an EV identifier (e.g. ISO 15118 EVCCID / MAC), or null
   * @return the opted-in vehicle, or empty for a session Gridfleet does not steer
   */
  Optional<MatchedVehicle> match(String idToken, String evIdentifier);

  /**
   * @param vehicleId    Gridfleet's vehicle id
   * @param batteryKwh   usable battery capacity, kWh, &gt; 0 (checks reported SoC against metered energy)
   */
  record MatchedVehicle(String vehicleId, double batteryKwh) {
    public MatchedVehicle {
      if (vehicleId == null || vehicleId.isBlank()) {
        throw new IllegalArgumentException("vehicleId must not be blank");
      }
      if (!(batteryKwh > 0)) {
        throw new IllegalArgumentException("batteryKwh must be > 0, was " + batteryKwh);
      }
    }
  }
}
