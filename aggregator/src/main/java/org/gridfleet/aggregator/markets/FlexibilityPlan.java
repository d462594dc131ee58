package org.gridfleet.aggregator.markets;

import org.gridfleet.v2g.control.LimitTree;
import org.gridfleet.v2g.control.VehicleState;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the fleet looks like for a future delivery period, as the bidding forecast needs it.
 *
 * @param vehicles the vehicles plugged in or declared for the period, with their declared departures
 * @param tree site and nested limits
 * @param plannedKw the charging schedule per vehicle id, kW (positive = import); missing ids mean 0 kW
 */
public record FlexibilityPlan(List<VehicleState> vehicles, LimitTree tree, Map<String, Double> plannedKw) {

    public FlexibilityPlan {
        vehicles = List.copyOf(Objects.requireNonNull(vehicles, "vehicles"));
        Objects.requireNonNull(tree, "tree");
        plannedKw = Map.copyOf(Objects.requireNonNull(plannedKw, "plannedKw"));
    }
}
