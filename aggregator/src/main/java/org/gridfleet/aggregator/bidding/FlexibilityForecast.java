package org.gridfleet.aggregator.bidding;

import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.bidding.EnergyExcursion;
import org.gridfleet.market.bidding.ReliableCapacity;
import org.gridfleet.v2g.control.LimitTree;
import org.gridfleet.v2g.control.VehicleState;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How much symmetric capability a future block can be sold for: for each equally likely plug-in scenario (who is
 * plugged in, with which declared departure and energy), the control core's flexibility envelope over the block and
 * the largest capability that fits it ({@link BaselinePlanner#maxFeasibleKw}); the P90 of those is what may be
 * offered (Energinet's rule, MARKET-RULES.md §3.2, via market-adapters {@link ReliableCapacity}).
 */
public final class FlexibilityForecast {

    private FlexibilityForecast() {
    }

    /**
     * @param period the block
     * @param reliableKw capability available in at least 90 % of the scenarios, kW
     * @param meanKw mean capability over the scenarios, kW
     * @param scenarios number of scenarios
     */
    public record BlockForecast(DeliveryPeriod period, double reliableKw, double meanKw, int scenarios) {
    }

    /**
     * @param block the delivery block
     * @param interval envelope resolution, dividing the block
     * @param scenarios equally likely fleets at the block start (at least one), e.g. {@link DepartureScenarios}
     * @param tree site and nested limits
     * @param plannedKw the schedule per vehicle id, kW
     * @param excursion the product's energy excursion per kW over such a block
     */
    public static BlockForecast forecast(DeliveryPeriod block, Duration interval, List<List<VehicleState>> scenarios,
                                         LimitTree tree, Map<String, Double> plannedKw, EnergyExcursion excursion) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("scenarios must not be empty");
        }
        double[] capacity = new double[scenarios.size()];
        double sum = 0;
        for (int s = 0; s < capacity.length; s++) {
            capacity[s] = BaselinePlanner.maxFeasibleKw(block, interval, scenarios.get(s), tree, plannedKw, excursion);
            sum += capacity[s];
        }
        return new BlockForecast(block, ReliableCapacity.fromSamples(capacity, ReliableCapacity.P90),
                sum / capacity.length, capacity.length);
    }
}
