package org.gridfleet.v2g.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The flexibility the market side can sell: for each future interval, the range of EV power a site (and the
 * fleet) can take while every vehicle keeps its reserve and latest-start floor and no limit is exceeded, and the
 * energy it can shift up (more import) or down (less import / more export) from the baseline.
 *
 * <p>The baseline is each vehicle holding its given power (clamped to its range as its energy evolves); a
 * vehicle contributes nothing after its departure. Power in kW, positive = into the batteries.
 */
public final class FlexibilityEnvelope {

    private FlexibilityEnvelope() {
    }

    /**
     * One interval of the envelope.
     *
     * @param minKw least EV power, kW
     * @param maxKw most EV power, kW
     * @param baselineKw EV power of the baseline, kW
     * @param upKwh energy that can be added over the interval: (max &minus; baseline) &times; hours
     * @param downKwh energy that can be withheld over the interval: (baseline &minus; min) &times; hours
     */
    public record Interval(Instant start, Instant end, double minKw, double maxKw, double baselineKw, double upKwh,
                           double downKwh) {
    }

    /**
     * @param fleet the fleet total per interval
     * @param bySite per site id, per interval
     */
    public record Result(List<Interval> fleet, Map<String, List<Interval>> bySite) {
    }

    /**
     * @param start first interval start
     * @param interval interval length
     * @param count number of intervals
     * @param vehicles the plugged-in vehicles now
     * @param tree site and nested limits
     * @param baselineKw baseline power per vehicle id, kW (e.g. the controller's setpoints); missing = 0
     */
    public static Result compute(Instant start, Duration interval, int count, List<VehicleState> vehicles,
                                 LimitTree tree, Map<String, Double> baselineKw) {
        if (count <= 0 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("need count > 0 and a positive interval, but got " + count + ", "
                    + interval);
        }
        int nodes = tree.size();
        double[][] min = new double[count][nodes];
        double[][] max = new double[count][nodes];
        double[][] base = new double[count][nodes];
        double hours = interval.toMillis() / 3_600_000.0;
        for (VehicleState v : vehicles) {
            int leaf = tree.nodeOf(v);
            double energy = v.energyKwh();
            double plan = baselineKw.getOrDefault(v.vehicleId(), 0.0);
            for (int k = 0; k < count; k++) {
                Instant t = Instant.ofEpochMilli(start.toEpochMilli() + k * interval.toMillis());
                if (!t.isBefore(v.departure())) {
                    break;
                }
                VehicleState at = v.withEnergyKwh(energy);
                PowerRange r = VehicleEnvelope.range(at, t, interval);
                double p = r.clamp(plan);
                for (int nd = leaf; nd >= 0; nd = tree.parent(nd)) {
                    min[k][nd] += r.minKw();
                    max[k][nd] += r.maxKw();
                    base[k][nd] += p;
                }
                energy += VehicleEnvelope.batteryDeltaKwh(p, v.efficiency(), hours);
            }
        }
        Map<String, List<Interval>> bySite = new TreeMap<>();
        List<Interval> fleet = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Instant from = Instant.ofEpochMilli(start.toEpochMilli() + k * interval.toMillis());
            Instant to = from.plus(interval);
            clipToLimits(tree, max[k]);
            clipToLimits(tree, min[k]);
            clipToLimits(tree, base[k]);
            double fMin = 0;
            double fMax = 0;
            double fBase = 0;
            for (int nd = 0; nd < nodes; nd++) {
                if (tree.parent(nd) < 0) {
                    bySite.computeIfAbsent(tree.nodeId(nd), id -> new ArrayList<>())
                            .add(interval(from, to, min[k][nd], max[k][nd], base[k][nd], hours));
                    fMin += min[k][nd];
                    fMax += max[k][nd];
                    fBase += base[k][nd];
                }
            }
            fleet.add(interval(from, to, fMin, fMax, fBase, hours));
        }
        bySite.replaceAll((id, list) -> List.copyOf(list));
        return new Result(List.copyOf(fleet), Map.copyOf(bySite));
    }

    /** Caps each node's sum at its EV capacity, children first: a parent loses what its children could not take. */
    private static void clipToLimits(LimitTree tree, double[] sum) {
        int nodes = tree.size();
        double[] own = sum.clone();
        // own[nd] = the part of sum[nd] not passing through a child node: subtract child sums
        for (int nd = 0; nd < nodes; nd++) {
            if (tree.parent(nd) >= 0) {
                own[tree.parent(nd)] -= sum[nd];
            }
        }
        double[] clipped = new double[nodes];
        boolean[] done = new boolean[nodes];
        for (int pass = 0; pass < nodes; pass++) {
            for (int nd = 0; nd < nodes; nd++) {
                if (done[nd] || hasPendingChild(tree, nd, done)) {
                    continue;
                }
                double total = own[nd];
                for (int c = 0; c < nodes; c++) {
                    if (tree.parent(c) == nd) {
                        total += clipped[c];
                    }
                }
                clipped[nd] = Math.min(total, Math.max(0, tree.evCapacityKw(nd)));
                done[nd] = true;
            }
        }
        System.arraycopy(clipped, 0, sum, 0, nodes);
    }

    private static boolean hasPendingChild(LimitTree tree, int nd, boolean[] done) {
        for (int c = 0; c < done.length; c++) {
            if (tree.parent(c) == nd && !done[c]) {
                return true;
            }
        }
        return false;
    }

    private static Interval interval(Instant from, Instant to, double min, double max, double base, double hours) {
        return new Interval(from, to, min, max, base, Math.max(0, max - base) * hours,
                Math.max(0, base - min) * hours);
    }
}
