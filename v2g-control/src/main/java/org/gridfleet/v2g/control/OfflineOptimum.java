package org.gridfleet.v2g.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The perfect-foresight benchmark: the scheduling LP over a whole scenario with every arrival known in advance,
 * one variable set per vehicle visit. No online controller can do better on cost; simulations report how close
 * they come.
 */
public final class OfflineOptimum {

    private OfflineOptimum() {
    }

    /**
     * Cost components of the optimum, in the tariff's currency.
     *
     * @param importCost energy imported &times; import price
     * @param exportRevenue energy exported &times; export price (capped at the import price of the step)
     * @param demandCharge demand charge on each site's highest step import (15-minute peak with 15-minute steps)
     * @param degradationCost wear price &times; battery kWh cycled
     * @param siteImportKw grid import per site id per step (EVs plus base load), kW, negative = export
     * @param shortfallKwh energy each vehicle misses below its target (or latest-start floor), kWh; only
     *     vehicles with a shortfall are listed
     */
    public record Result(double importCost, double exportRevenue, double demandCharge, double degradationCost,
                         Map<String, double[]> siteImportKw, Map<String, Double> shortfallKwh) {
        /** import cost &minus; export revenue + demand charge + degradation cost. */
        public double totalCost() {
            return importCost - exportRevenue + demandCharge + degradationCost;
        }

        /** Vehicles whose departure target could not be met (best effort was delivered). */
        public List<String> infeasibleVehicles() {
            return List.copyOf(shortfallKwh.keySet());
        }
    }

    /** {@link #solve(List, Map, List, Map, Tariff, Instant, Instant, Duration)} without nested limits. */
    public static Result solve(List<PlannedVehicle> vehicles, Map<String, SiteState> sites, Tariff tariff,
                               Instant start, Instant end, Duration step) {
        return solve(vehicles, sites, List.of(), Map.of(), tariff, start, end, step);
    }

    /**
     * @param vehicles every visit of the scenario
     * @param sites every site by id; base load and the billing period's peak so far are held over the scenario
     * @param limitNodes nested limits (feeders, charger groups)
     * @param vehicleNode the limit node each vehicle id hangs under; unlisted vehicles hang under their site
     * @param tariff prices and demand charge
     * @param start scenario start
     * @param end scenario end, after start
     * @param step LP step (15 minutes makes the demand charge a 15-minute peak)
     * @throws IllegalArgumentException if the window is empty or a vehicle is at an unknown site
     */
    public static Result solve(List<PlannedVehicle> vehicles, Map<String, SiteState> sites,
                               List<LimitNode> limitNodes, Map<String, String> vehicleNode, Tariff tariff, Instant start, Instant end,
                               Duration step) {
        Objects.requireNonNull(tariff, "tariff");
        if (!end.isAfter(start) || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("need start < end and a positive step, but got " + start + ", "
                    + end + ", " + step);
        }
        int steps = (int) Math.ceil((double) Duration.between(start, end).toMillis() / step.toMillis());
        LimitTree tree = LimitTree.of(sites, limitNodes, vehicleNode);
        List<LpUnit> units = new ArrayList<>(vehicles.size());
        for (PlannedVehicle pv : vehicles) {
            // the optimum's chargers follow at once, so it needs no lag allowance
            units.add(LpUnit.of(pv.state(), pv.preference(), tree.nodeOf(pv.state()), pv.arrival(), start, step,
                    steps, Duration.ZERO));
        }
        Map<Integer, SiteState> byIndex = new HashMap<>();
        sites.forEach((id, s) -> byIndex.put(tree.indexOf(id), s));
        ScheduleLp.Result r = ScheduleLp.solve(units, tree, byIndex, tariff, start, step, steps, null);
        Map<String, double[]> siteImport = new HashMap<>();
        sites.keySet().forEach(id -> siteImport.put(id, r.siteImportKw()[tree.indexOf(id)]));
        Map<String, Double> shortfall = new HashMap<>();
        for (int u = 0; u < units.size(); u++) {
            if (r.shortfallKwh()[u] > ScheduleLp.SHORTFALL_TOLERANCE_KWH) {
                shortfall.put(vehicles.get(u).state().vehicleId(), r.shortfallKwh()[u]);
            }
        }
        return new Result(r.importCost(), r.exportRevenue(), r.demandCharge(), r.degradationCost(),
                Map.copyOf(siteImport), Map.copyOf(shortfall));
    }
}
