package org.gridfleet.v2g.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link ChargingController} may know at one control step: the vehicles plugged in now,
 * the sites, the tariff, and any fleet-level power targets set by grid services.
 *
 * @param now the instant of this step
 * @param step the time until the next step
 * @param vehicles the vehicles plugged in now
 * @param sites every site, by id
 * @param tariff the energy prices
 * @param siteTargetKw optional requested site power (EVs only, kW, positive = import) by site id, set by grid
 *     services for this step; absent sites follow the schedule
 */
public record ControlInput(Instant now, Duration step, List<VehicleState> vehicles, Map<String, SiteState> sites,
                           Tariff tariff, Map<String, Double> siteTargetKw) {
    public ControlInput {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(step, "step");
        vehicles = List.copyOf(vehicles);
        sites = Map.copyOf(sites);
        Objects.requireNonNull(tariff, "tariff");
        siteTargetKw = Map.copyOf(siteTargetKw);
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, but was " + step);
        }
    }
}
