package org.gridfleet.v2g.control;

import java.time.Instant;
import java.util.Objects;

/**
 * One meter value of a vehicle's charger, as the charger sent it.
 *
 * @param vehicleId the vehicle on the charger
 * @param sequence the charger's sequence number of this reading; later readings have larger numbers
 * @param at when the charger measured it
 * @param powerKw grid-side power at {@code at}, kW, positive = into the battery
 * @param importKwh cumulative energy register from the grid into the vehicle, kWh, &ge; 0
 * @param exportKwh cumulative energy register from the vehicle to the grid, kWh, &ge; 0
 */
public record MeterReading(String vehicleId, long sequence, Instant at, double powerKw, double importKwh,
                           double exportKwh) {
    public MeterReading {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(powerKw)) {
            throw new IllegalArgumentException("powerKw must be finite, but was " + powerKw);
        }
        VehicleState.requireRange("importKwh", importKwh, 0, Double.MAX_VALUE);
        VehicleState.requireRange("exportKwh", exportKwh, 0, Double.MAX_VALUE);
    }
}
