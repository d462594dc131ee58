package org.gridfleet.aggregator.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.fleet.Site;
import org.gridfleet.aggregator.fleet.Site.NestedLimit;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.control.ChargingPreference;
import org.gridfleet.v2g.control.LimitNode;

/**
 * What the schedule controller is built with and the live fleet changes: nested limits, which node each
 * plugged-in vehicle hangs under, and each vehicle's charging preference.
 *
 * <p>Nested limits become a tree by containment: a limit's parent is the smallest other limit of the site whose
 * chargers strictly include its chargers, else the site; a vehicle hangs under the smallest limit holding its
 * charger. Overlapping limits that are not nested cannot be a tree: a vehicle under both is held only by the
 * smaller one.
 *
 * @param nodes        nested limits, node id = {@code siteId/limitName}
 * @param vehicleNode  node per plugged-in vehicle id (absent = directly under its site)
 * @param preferences  preference per registered vehicle id
 */
public record ControllerShape(List<LimitNode> nodes, Map<String, String> vehicleNode,
                              Map<String, ChargingPreference> preferences) {

    public ControllerShape {
        nodes = List.copyOf(nodes);
        vehicleNode = Map.copyOf(vehicleNode);
        preferences = Map.copyOf(preferences);
    }

    public static ControllerShape of(FleetView view, Map<String, EvseRef> evseOfVehicle) {
        List<LimitNode> nodes = new ArrayList<>();
        for (Map.Entry<String, Site> e : view.sites().entrySet()) {
            List<NestedLimit> limits = e.getValue().nestedLimits();
            for (NestedLimit l : limits) {
                NestedLimit parent = smallestStrictlyContaining(limits, l);
                nodes.add(new LimitNode(nodeId(e.getKey(), l), parent == null ? e.getKey() : nodeId(e.getKey(), parent),
                        l.limitKw(), 0));
            }
        }
        Map<String, String> vehicleNode = new HashMap<>();
        evseOfVehicle.forEach((vehicleId, evse) -> {
            FleetView.RegisteredCharger c = view.chargers().get(evse.chargerId());
            String siteId = c.record().siteId();
            NestedLimit tightest = null;
            for (NestedLimit l : view.sites().get(siteId).nestedLimits()) {
                if (l.chargerIds().contains(evse.chargerId())
                        && (tightest == null || l.chargerIds().size() < tightest.chargerIds().size())) {
                    tightest = l;
                }
            }
            if (tightest != null) {
                vehicleNode.put(vehicleId, nodeId(siteId, tightest));
            }
        });
        Map<String, ChargingPreference> preferences = new HashMap<>();
        for (Vehicle v : view.vehicles().values()) {
            preferences.put(v.id().toString(), ChargingPreference.valueOf(v.chargingPreference().name()));
        }
        return new ControllerShape(nodes, vehicleNode, preferences);
    }

    private static NestedLimit smallestStrictlyContaining(List<NestedLimit> limits, NestedLimit child) {
        NestedLimit best = null;
        for (NestedLimit l : limits) {
            if (l != child && l.chargerIds().size() > child.chargerIds().size()
                    && l.chargerIds().containsAll(child.chargerIds())
                    && (best == null || l.chargerIds().size() < best.chargerIds().size())) {
                best = l;
            }
        }
        return best;
    }

    private static String nodeId(String siteId, NestedLimit l) {
        return siteId + "/" + l.name();
    }
}
