package org.gridfleet.v2g.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree of import limits: one root per site (its usable limit minus base load) and nested {@link LimitNode}s
 * below it. Each vehicle hangs under one node (its charger group) or directly under its site.
 *
 * <p>Node capacities are for EV power only: limit minus base load, kW.
 */
public final class LimitTree {

    private final List<String> nodeIds = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] parent;
    private final double[] evCapacityKw;
    private final Map<String, String> vehicleNode;

    private LimitTree(Map<String, SiteState> sites, List<LimitNode> nodes, Map<String, String> vehicleNode) {
        for (String siteId : sites.keySet()) {
            add(siteId);
        }
        for (LimitNode node : nodes) {
            if (index.containsKey(node.nodeId())) {
                throw new IllegalArgumentException("limit node id " + node.nodeId() + " is used twice");
            }
            add(node.nodeId());
        }
        parent = new int[nodeIds.size()];
        evCapacityKw = new double[nodeIds.size()];
        for (SiteState site : sites.values()) {
            int i = index.get(site.siteId());
            parent[i] = -1;
            evCapacityKw[i] = site.usableLimitKw() - site.baseLoadKw();
        }
        for (LimitNode node : nodes) {
            Integer p = index.get(node.parentId());
            if (p == null) {
                throw new IllegalArgumentException("limit node " + node.nodeId() + " has unknown parent "
                        + node.parentId());
            }
            int i = index.get(node.nodeId());
            parent[i] = p;
            evCapacityKw[i] = node.limitKw() - node.baseLoadKw();
        }
        rejectCycles();
        this.vehicleNode = Map.copyOf(vehicleNode);
        for (Map.Entry<String, String> e : this.vehicleNode.entrySet()) {
            if (!index.containsKey(e.getValue())) {
                throw new IllegalArgumentException("vehicle " + e.getKey() + " is assigned to unknown limit node "
                        + e.getValue());
            }
        }
    }

    /** Only the site limits: every vehicle counts against its own site. */
    public static LimitTree of(Map<String, SiteState> sites) {
        return new LimitTree(sites, List.of(), Map.of());
    }

    /**
     * @param sites every site by id (the roots)
     * @param nodes nested limits
     * @param vehicleNode the node each vehicle hangs under, by vehicle id; vehicles not listed hang under their site
     */
    public static LimitTree of(Map<String, SiteState> sites, List<LimitNode> nodes, Map<String, String> vehicleNode) {
        return new LimitTree(sites, nodes, vehicleNode);
    }

    /** Number of nodes (sites included). */
    public int size() {
        return nodeIds.size();
    }

    /** The node index a vehicle hangs under. */
    public int nodeOf(VehicleState v) {
        Integer i = index.get(vehicleNode.getOrDefault(v.vehicleId(), v.siteId()));
        if (i == null) {
            throw new IllegalArgumentException("vehicle " + v.vehicleId() + " is at unknown site " + v.siteId());
        }
        return i;
    }

    /** The parent index of node {@code i}, or -1 for a site. */
    public int parent(int i) {
        return parent[i];
    }

    /** EV capacity of node {@code i}: limit minus base load, kW (may be negative when base load exceeds it). */
    public double evCapacityKw(int i) {
        return evCapacityKw[i];
    }

    /** Node id of index {@code i}. */
    public String nodeId(int i) {
        return nodeIds.get(i);
    }

    /** The index of a node or site id, or -1. */
    public int indexOf(String nodeId) {
        return index.getOrDefault(nodeId, -1);
    }

    /** The site (root) index above node {@code i}. */
    public int root(int i) {
        int r = i;
        while (parent[r] >= 0) {
            r = parent[r];
        }
        return r;
    }

    private void add(String id) {
        index.put(id, nodeIds.size());
        nodeIds.add(id);
    }

    private void rejectCycles() {
        for (int i = 0; i < parent.length; i++) {
            Set<Integer> seen = new HashSet<>();
            for (int n = i; n >= 0; n = parent[n]) {
                if (!seen.add(n)) {
                    throw new IllegalArgumentException("limit nodes form a cycle through " + nodeIds.get(i));
                }
            }
        }
    }
}
