package org.gridfleet.v2g.control;

import java.time.Instant;
import java.util.List;

/**
 * Vehicles a site expects that have not arrived yet. The schedule plans them beside the vehicles present, so it
 * leaves room for them in the hours they will need instead of spending that room, or raising the demand peak, when
 * they come. Only the LP sees them; setpoints go to vehicles present alone.
 */
@FunctionalInterface
public interface ArrivalForecast {

    /** No forecast: plan the vehicles present only. */
    ArrivalForecast NONE = (siteId, from, to) -> List.of();

    /**
     * The arrivals expected at {@code siteId} in [{@code from}, {@code to}), each possibly a fraction of a vehicle
     * (an expected value over past days).
     */
    List<ExpectedArrival> expected(String siteId, Instant from, Instant to);

    /**
     * One expected arrival, or several merged: charging energy needed at grid-side power up to {@code maxChargeKw}
     * between arrival and departure.
     *
     * @param arrival when it plugs in
     * @param departure when it leaves, after {@code arrival}
     * @param energyKwh battery energy it needs by departure, kWh, &gt; 0
     * @param maxChargeKw charge limit at the grid side, kW, &gt; 0
     * @param efficiency one-way charger efficiency, 0..1
     */
    record ExpectedArrival(Instant arrival, Instant departure, double energyKwh, double maxChargeKw,
                           double efficiency) {
        public ExpectedArrival {
            if (!departure.isAfter(arrival)) {
                throw new IllegalArgumentException("departure " + departure + " must be after arrival " + arrival);
            }
            VehicleState.requireRange("energyKwh", energyKwh, 1e-9, Double.MAX_VALUE);
            VehicleState.requireRange("maxChargeKw", maxChargeKw, 1e-9, Double.MAX_VALUE);
            VehicleState.requireRange("efficiency", efficiency, 1e-9, 1);
        }

        /** As a vehicle state: empty battery of the needed energy, to be full at departure, no V2G. */
        VehicleState asVehicle(String siteId) {
            return new VehicleState("forecast", siteId, energyKwh, 0, 0, 1, departure, maxChargeKw, 0, efficiency,
                    0, false);
        }
    }
}
