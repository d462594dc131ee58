package org.gridfleet.aggregator.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A fleet vehicle and everything control needs to know about it.
 *
 * @param batteryCapacityKwh usable capacity in kWh, > 0
 * @param maxChargeKw        largest charging power in kW (into the battery), > 0
 * @param maxDischargeKw     largest discharging power in kW as a positive magnitude, >= 0
 * @param reserveSoc         never discharge below this SoC, 0..1
 * @param chargeNowUntil     while in the future, charge at full power and never discharge
 * @param idToken            OCPP idToken that identifies a session of this vehicle
 * @param evId               EV identifier (e.g. ISO 15118 EVCCID / MAC) that identifies a session
 */
public record Vehicle(UUID id, UUID fleetId, UUID tenantId, String name, double batteryCapacityKwh,
                      Chemistry chemistry, double maxChargeKw, double maxDischargeKw, double reserveSoc,
                      List<DepartureRule> departurePlan, List<Trip> trips, ChargingPreference chargingPreference,
                      V2gConsent v2g, Optional<Instant> chargeNowUntil, Optional<String> idToken,
                      Optional<String> evId, Instant createdAt, Instant updatedAt) {

    public Vehicle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fleetId, "fleetId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(chemistry, "chemistry");
        Objects.requireNonNull(chargingPreference, "chargingPreference");
        Objects.requireNonNull(v2g, "v2g");
        Objects.requireNonNull(chargeNowUntil, "chargeNowUntil");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(evId, "evId");
        if (!(batteryCapacityKwh > 0)) {
            throw new IllegalArgumentException("batteryCapacityKwh must be > 0: " + batteryCapacityKwh);
        }
        if (!(maxChargeKw > 0) || !(maxDischargeKw >= 0)) {
            throw new IllegalArgumentException("maxChargeKw must be > 0 and maxDischargeKw >= 0");
        }
        if (!(reserveSoc >= 0 && reserveSoc <= 1)) {
            throw new IllegalArgumentException("reserveSoc must be in 0..1: " + reserveSoc);
        }
        departurePlan = List.copyOf(departurePlan);
        trips = List.copyOf(trips);
    }

    /** True while the urgent "charge now" override is active at {@code now}. */
    public boolean chargeNowActive(Instant now) {
        return chargeNowUntil.map(now::isBefore).orElse(false);
    }
}
