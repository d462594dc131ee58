package org.gridfleet.v2g.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Real-time allocation: turns planned power per vehicle, and optionally a requested EV power per site, into safe
 * setpoints. Every setpoint lies in the vehicle's {@link PowerRange} for the step (reserve, latest-start floor,
 * battery full, power limits), and no site or nested {@link LimitTree} node is ever over its import limit.
 *
 * <p>Order of precedence: the limits; then urgent ("charge now") vehicles at full power; then each vehicle's
 * floor; then the plan; then the site target. To meet a site target the allocator moves the cheapest-degradation
 * vehicles first: when more power is wanted, urgent vehicles first then by degradation cost and least slack; when
 * less is wanted, never urgent ones, and by degradation cost and most slack (least urgency). Hysteresis
 * ({@link AllocatorConfig}) keeps a previous setpoint that is still safe. Cost: two sorts, O(n log n).
 *
 * <p>Not thread-safe: it remembers each vehicle's last setpoint for the hysteresis.
 */
public final class SetpointAllocator {

    private static final double EPS = 1e-9;

    private final AllocatorConfig config;
    private Map<String, Last> last = new HashMap<>();

    /** @param config hysteresis settings */
    public SetpointAllocator(AllocatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    private static final class Last {
        final double powerKw;
        final Instant changedAt;

        Last(double powerKw, Instant changedAt) {
            this.powerKw = powerKw;
            this.changedAt = changedAt;
        }
    }

    /**
     * @param now start of the step
     * @param step length of the step (the setpoints hold for it)
     * @param vehicles the vehicles plugged in now
     * @param tree site and nested limits
     * @param plannedKw planned power per vehicle id, kW; missing vehicles plan 0
     * @param siteTargetKw requested EV power per site id, kW (positive = import); missing sites follow the plan
     * @return a setpoint for every vehicle
     */
    public Allocation allocate(Instant now, Duration step, List<VehicleState> vehicles, LimitTree tree,
                               Map<String, Double> plannedKw, Map<String, Double> siteTargetKw) {
        int n = vehicles.size();
        Pass p = new Pass(tree, n);
        double[] desired = new double[n];
        for (int i = 0; i < n; i++) {
            VehicleState v = vehicles.get(i);
            PowerRange r = VehicleEnvelope.range(v, now, step);
            p.hardMin[i] = r.hardMinKw();
            p.lo[i] = r.minKw();
            p.floorKw[i] = r.minKw();
            p.hi[i] = r.maxKw();
            p.node[i] = tree.nodeOf(v);
            p.site[i] = tree.root(p.node[i]);
            p.urgent[i] = v.urgent();
            p.degradation[i] = v.degradationCostPerKwh();
            p.slackHours[i] = VehicleEnvelope.slackHours(v, now);
            desired[i] = v.urgent() ? r.maxKw() : r.clamp(plannedKw.getOrDefault(v.vehicleId(), 0.0));
        }
        p.sortOrders();
        double[] siteTarget = new double[tree.size()];
        Arrays.fill(siteTarget, Double.NaN);
        siteTargetKw.forEach((siteId, kw) -> {
            int s = tree.indexOf(siteId);
            if (s >= 0) {
                siteTarget[s] = kw;
            }
        });
        double[] x = p.run(desired, siteTarget);
        if (applyHysteresis(now, vehicles, p, x)) {
            x = p.run(desired, siteTarget);
        }
        return remember(now, vehicles, p, x);
    }

    /** Pins vehicles whose previous setpoint is still safe and whose change would be too small or too soon. */
    private boolean applyHysteresis(Instant now, List<VehicleState> vehicles, Pass p, double[] x) {
        boolean pinned = false;
        for (int i = 0; i < x.length; i++) {
            Last prev = last.get(vehicles.get(i).vehicleId());
            if (prev == null || prev.powerKw < p.lo[i] - EPS || prev.powerKw > p.hi[i] + EPS) {
                continue;
            }
            boolean small = Math.abs(x[i] - prev.powerKw) < config.minChangeKw();
            boolean soon = Duration.between(prev.changedAt, now).compareTo(config.minInterval()) < 0;
            if ((small || soon) && Math.abs(x[i] - prev.powerKw) > EPS) {
                p.lo[i] = prev.powerKw;
                p.hi[i] = prev.powerKw;
                pinned = true;
            }
        }
        return pinned;
    }

    private Allocation remember(Instant now, List<VehicleState> vehicles, Pass p, double[] x) {
        Map<String, Last> next = new HashMap<>(vehicles.size() * 2);
        Map<String, Double> setpoints = new HashMap<>(vehicles.size() * 2);
        List<String> belowFloor = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            String id = vehicles.get(i).vehicleId();
            Last prev = last.get(id);
            boolean changed = prev == null || Math.abs(prev.powerKw - x[i]) > EPS;
            next.put(id, changed ? new Last(x[i], now) : prev);
            setpoints.put(id, x[i]);
            if (x[i] < p.floorKw[i] - EPS) {
                belowFloor.add(id);
            }
        }
        last = next;
        return new Allocation(Collections.unmodifiableMap(setpoints), belowFloor);
    }

    /** The working arrays of one allocation; {@link #run} may be called again after pinning. */
    private static final class Pass {
        final LimitTree tree;
        final double[] hardMin;
        final double[] lo;
        final double[] hi;
        final double[] floorKw;
        final int[] node;
        final int[] site;
        final boolean[] urgent;
        final double[] degradation;
        final double[] slackHours;
        final double[] load;
        int[] raiseOrder;
        int[] yieldOrder;

        Pass(LimitTree tree, int n) {
            this.tree = tree;
            hardMin = new double[n];
            lo = new double[n];
            hi = new double[n];
            floorKw = new double[n];
            node = new int[n];
            site = new int[n];
            urgent = new boolean[n];
            degradation = new double[n];
            slackHours = new double[n];
            load = new double[tree.size()];
        }

        void sortOrders() {
            Integer[] idx = new Integer[node.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            Comparator<Integer> cheapest = Comparator.comparingDouble(i -> degradation[i]);
            Arrays.sort(idx, Comparator.<Integer, Boolean>comparing(i -> !urgent[i]).thenComparing(cheapest)
                    .thenComparingDouble(i -> slackHours[i]));
            raiseOrder = unbox(idx);
            Arrays.sort(idx, Comparator.<Integer, Boolean>comparing(i -> urgent[i]).thenComparing(cheapest)
                    .thenComparing(Comparator.comparingDouble((Integer i) -> slackHours[i]).reversed()));
            yieldOrder = unbox(idx);
        }

        private static int[] unbox(Integer[] idx) {
            int[] out = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                out[i] = idx[i];
            }
            return out;
        }

        double[] run(double[] desired, double[] siteTarget) {
            int n = lo.length;
            double[] x = new double[n];
            Arrays.fill(load, 0);
            for (int i = 0; i < n; i++) {
                x[i] = lo[i];
                addLoad(node[i], x[i]);
            }
            relieveOverloads(x);
            // urgent vehicles come first in raiseOrder, so they win the room inside the limits
            for (int i : raiseOrder) {
                raise(x, i, Math.min(desired[i], hi[i]) - x[i]);
            }
            for (int s = 0; s < siteTarget.length; s++) {
                if (!Double.isNaN(siteTarget[s])) {
                    followTarget(x, s, siteTarget[s]);
                }
            }
            return x;
        }

        /**
         * Lowers vehicles (down to their reserve bound) wherever the floors alone exceed a limit, departures that
         * can no longer be met first: their floor is full power, and power spent on a lost target is taken from
         * one that can still be met.
         */
        private void relieveOverloads(double[] x) {
            if (!anyOverload()) {
                return;
            }
            int[] order = reliefOrder();
            for (int i : order) {
                double excess = maxExcess(node[i]);
                if (excess <= EPS) {
                    continue;
                }
                double cut = Math.min(excess, x[i] - hardMin[i]);
                if (cut > 0) {
                    x[i] -= cut;
                    addLoad(node[i], -cut);
                }
            }
            // a cut at one node may free room at another: give floors back, the last cut first
            for (int k = order.length - 1; k >= 0; k--) {
                int i = order[k];
                raise(x, i, lo[i] - x[i]);
            }
        }

        private void followTarget(double[] x, int s, double targetKw) {
            double gap = targetKw - load[s];
            if (gap > EPS) {
                for (int k = 0; k < raiseOrder.length && gap > EPS; k++) {
                    int i = raiseOrder[k];
                    if (site[i] == s) {
                        gap -= raise(x, i, Math.min(gap, hi[i] - x[i]));
                    }
                }
            } else if (gap < -EPS) {
                for (int k = 0; k < yieldOrder.length && gap < -EPS; k++) {
                    int i = yieldOrder[k];
                    if (site[i] == s && !urgent[i]) {
                        double cut = Math.min(-gap, x[i] - lo[i]);
                        if (cut > 0) {
                            x[i] -= cut;
                            addLoad(node[i], -cut);
                            gap += cut;
                        }
                    }
                }
            }
        }

        /** Raises vehicle i by up to {@code wantKw} within the room left on its path; returns the raise applied. */
        private double raise(double[] x, int i, double wantKw) {
            if (wantKw <= EPS) {
                return 0;
            }
            double room = wantKw;
            for (int nd = node[i]; nd >= 0; nd = tree.parent(nd)) {
                room = Math.min(room, tree.evCapacityKw(nd) - load[nd]);
            }
            if (room <= EPS) {
                return 0;
            }
            x[i] += room;
            addLoad(node[i], room);
            return room;
        }

        private boolean anyOverload() {
            for (int nd = 0; nd < load.length; nd++) {
                if (load[nd] - tree.evCapacityKw(nd) > EPS) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Order of cuts below the floors, sorted only when floors collide: never urgent ones first; then vehicles
         * whose target is already out of reach (negative slack), the most hopeless first; then the rest, the
         * cheapest to wear and the most slack first.
         */
        private int[] reliefOrder() {
            Integer[] idx = new Integer[node.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, Comparator.<Integer, Boolean>comparing(i -> urgent[i])
                    .thenComparing(i -> slackHours[i] >= 0)
                    .thenComparingDouble(i -> slackHours[i] < 0 ? slackHours[i] : 0)
                    .thenComparingDouble(i -> degradation[i])
                    .thenComparing(Comparator.comparingDouble((Integer i) -> slackHours[i]).reversed()));
            return unbox(idx);
        }

        private double maxExcess(int leaf) {
            double excess = 0;
            for (int nd = leaf; nd >= 0; nd = tree.parent(nd)) {
                excess = Math.max(excess, load[nd] - tree.evCapacityKw(nd));
            }
            return excess;
        }

        private void addLoad(int leaf, double kw) {
            for (int nd = leaf; nd >= 0; nd = tree.parent(nd)) {
                load[nd] += kw;
            }
        }
    }
}
