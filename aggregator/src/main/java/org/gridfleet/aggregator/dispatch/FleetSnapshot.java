package org.gridfleet.aggregator.dispatch;

import org.gridfleet.v2g.control.LimitNode;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleState;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the dispatcher sees of the fleet at one tick. The maps are read, never copied or changed: pass maps the
 * caller keeps (the live server updates its own snapshot in place between ticks).
 *
 * @param vehicles the plugged-in vehicles now
 * @param sites every site by id (limits and base load, kW)
 * @param nodes nested limits inside the sites
 * @param vehicleNode the node each vehicle hangs under, by vehicle id; missing = directly under its site
 * @param plannedKw the schedule's power per vehicle id, kW (the controller's plan = the schedule baseline);
 *     missing = 0
 * @param meteredKw the latest metered power per vehicle id, kW, positive = import; missing = not metered yet
 */
public record FleetSnapshot(List<VehicleState> vehicles, Map<String, SiteState> sites, List<LimitNode> nodes,
                            Map<String, String> vehicleNode, Map<String, Double> plannedKw,
                            Map<String, Double> meteredKw) {

    public FleetSnapshot {
        Objects.requireNonNull(vehicles, "vehicles");
        Objects.requireNonNull(sites, "sites");
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(vehicleNode, "vehicleNode");
        Objects.requireNonNull(plannedKw, "plannedKw");
        Objects.requireNonNull(meteredKw, "meteredKw");
    }

    /** Sites only, no nested limits. */
    public static FleetSnapshot of(List<VehicleState> vehicles, Map<String, SiteState> sites,
                                   Map<String, Double> plannedKw, Map<String, Double> meteredKw) {
        return new FleetSnapshot(vehicles, sites, List.of(), Map.of(), plannedKw, meteredKw);
    }
}
