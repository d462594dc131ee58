package org.gridfleet.v2g.control;

import java.time.Instant;
import java.util.Objects;

/**
 * A vehicle visit known in advance, for the perfect-foresight {@link OfflineOptimum}.
 *
 * @param state the vehicle as it arrives: its {@code soc} is the SoC at arrival, its {@code departure} the end of
 *     the visit; {@code urgent} is ignored
 * @param arrival when it plugs in, before its departure
 * @param preference the owner's preference
 */
public record PlannedVehicle(VehicleState state, Instant arrival, ChargingPreference preference) {
    public PlannedVehicle {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(preference, "preference");
        if (!arrival.isBefore(state.departure())) {
            throw new IllegalArgumentException("arrival must be before departure for vehicle " + state.vehicleId()
                    + ", but was " + arrival + " >= " + state.departure());
        }
    }

    /** A vehicle with the {@link ChargingPreference#LOWEST_COST} preference. */
    public PlannedVehicle(VehicleState state, Instant arrival) {
        this(state, arrival, ChargingPreference.LOWEST_COST);
    }
}
