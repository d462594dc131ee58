package org.gridfleet.v2g.control;

import java.util.Objects;

/**
 * A nested import limit inside a site: a feeder or a charger group. Its parent is the site (by site id) or another
 * node; the EVs assigned to it and to its descendants, plus its own non-EV load, must stay within its limit.
 *
 * @param nodeId unique id (must not clash with a site id)
 * @param parentId the parent node id or site id
 * @param limitKw import limit of this node, kW, &gt; 0
 * @param baseLoadKw non-EV load on this node, kW (positive = import); 0 when it is all counted at the site
 */
public record LimitNode(String nodeId, String parentId, double limitKw, double baseLoadKw) {
    public LimitNode {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(parentId, "parentId");
        VehicleState.requireRange("limitKw", limitKw, 1e-9, Double.MAX_VALUE);
        if (nodeId.equals(parentId)) {
            throw new IllegalArgumentException("limit node " + nodeId + " cannot be its own parent");
        }
    }
}
