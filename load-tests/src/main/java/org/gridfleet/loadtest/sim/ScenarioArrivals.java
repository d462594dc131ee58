package org.gridfleet.loadtest.sim;

import java.time.Instant;
import java.util.List;
import org.gridfleet.aggregator.sim.Scenario;
import org.gridfleet.v2g.control.ArrivalForecast;

/**
 * A perfect {@link ArrivalForecast} for benchmarks: the scenario's own vehicles, each known before it arrives. The
 * controller's cost with it against the offline optimum is what remains once arrivals are no surprise.
 */
final class ScenarioArrivals implements ArrivalForecast {

    private final Scenario scenario;

    ScenarioArrivals(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public List<ExpectedArrival> expected(String siteId, Instant from, Instant to) {
        double efficiency = scenario.chargers().efficiency();
        return scenario.vehicles().stream()
                .filter(v -> v.site().equals(siteId) && v.arrival().isAfter(from) && v.arrival().isBefore(to))
                .filter(v -> v.departureSoc() > v.arrivalSoc())
                .map(v -> new ExpectedArrival(v.arrival(), v.departure(),
                        neededKwh(v), v.maxChargeKw(), efficiency))
                .toList();
    }

    /** Battery energy a scenario vehicle needs between arrival and departure, kWh. */
    static double neededKwh(Scenario.Vehicle v) {
        return (v.departureSoc() - v.arrivalSoc()) * v.batteryKwh();
    }
}
