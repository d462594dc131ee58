package org.gridfleet.aggregator.sim;

/**
 * The perfect-foresight schedule's cost for a scenario (every arrival, price and signal known in advance, the
 * same vehicle and site constraints): what {@code simulate --optimum} reports as {@code offlineOptimum}.
 */
@FunctionalInterface
public interface OfflineOptimumSolver {

    /**
     * @return energy cost, demand charge and their total in the tariff's currency, and the departures missed; no
     *     ratio (the simulator adds it)
     */
    SimulationReport.OptimumCost solve(Scenario scenario);
}
