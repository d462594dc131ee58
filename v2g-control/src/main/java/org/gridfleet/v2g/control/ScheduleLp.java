package org.gridfleet.v2g.control;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The scheduling LP (OR-Tools GLOP) over a grid of equal steps.
 *
 * <p>Minimizes import cost &minus; export revenue (export priced at most at the import price of the step) + demand
 * charge on each site's peak step import (steps of 15 minutes make this the 15-minute demand peak) + wear cost per
 * battery kWh cycled + carbon cost for {@code greenest} units + a large penalty per kWh missing from a unit's floor.
 * Subject to: energy balance with efficiency, power limits, reserve and capacity, every limit-tree node's import
 * limit at every step (base load included; no unit alone may exceed a limit even while plugged in for part of a
 * step). The penalty makes infeasible targets best effort: as much energy as possible, as early as the floor asks,
 * before any cost is considered. It is only paid where needed: {@link #solve} first tries the floors of the units
 * that can reach them alone as hard bounds (so a vehicle that can still make its target is never left short to
 * give another one more), and penalizes every floor only when those do not fit together.
 */
final class ScheduleLp {

    /**
     * Cost per grid kWh charged, per hour of delay from the horizon's start: breaks the LP's ties toward charging
     * early. Power up to the peak already paid for is free of demand charge, and room left unused now is lost, so
     * charging early at an equal price leaves more room for vehicles that have not arrived yet. Small enough never
     * to outweigh a real price difference over a day (24 h &times; 1e-4 = 0.0024 per kWh).
     */
    static final double EARLY_TIE_BREAK_PER_KWH_HOUR = 1e-4;

    /** Shortfalls below this are solver rounding, kWh. */
    static final double SHORTFALL_TOLERANCE_KWH = 1e-4;

    private static final double INF = Double.POSITIVE_INFINITY;

    /** GLOP ended without an optimal solution; only this makes {@link #solve} try again. */
    static final class NotOptimal extends IllegalStateException {
        NotOptimal(MPSolver.ResultStatus status) {
            super("schedule LP not solved to optimality: " + status);
        }
    }

    /** GLOP settings for a second try when the first solve does not end OPTIMAL. */
    static final String RETRY_PARAMETERS = "use_dual_simplex: true use_preprocessing: false";

    static {
        Loader.loadNativeLibraries();
    }

    /**
     * @param unitPowerKw net power per unit per step, kW (positive = into the battery)
     * @param shortfallKwh energy the unit misses below its floor at the worst step, kWh
     * @param siteImportKw grid import (EVs + base load) per site index per step, kW
     */
    record Result(double[][] unitPowerKw, double[] shortfallKwh, double[][] siteImportKw, double importCost,
                  double exportRevenue, double demandCharge, double degradationCost) {
    }

    private ScheduleLp() {
    }

    /**
     * @param sites site index (in the tree) to site state; the site's base load is held over the horizon
     * @param carbonCostPerKwh carbon cost per grid kWh for each step (for greenest units), or null
     */
    static Result solve(List<LpUnit> units, LimitTree tree, Map<Integer, SiteState> sites, Tariff tariff,
                        Instant start, Duration step, int steps, double[] carbonCostPerKwh) {
        return solve(units, tree, sites, tariff, start, step, steps, carbonCostPerKwh, FirstStep.WHOLE);
    }

    /**
     * A first step already partly over: the LP grid is aligned to the billing quarter hours, so the first step's
     * import (and so the demand peak) must count the energy metered before now.
     *
     * @param elapsedHours hours of the first step already past, 0 &le; elapsed &lt; step
     * @param meteredKwhBySite grid energy (EVs and base load) each site index drew in that past part, kWh
     */
    record FirstStep(double elapsedHours, Map<Integer, Double> meteredKwhBySite) {
        static final FirstStep WHOLE = new FirstStep(0, Map.of());
    }

    /**
     * As {@link #solve(List, LimitTree, Map, Tariff, Instant, Duration, int, double[])}, the first step partly over.
     */
    static Result solve(List<LpUnit> units, LimitTree tree, Map<Integer, SiteState> sites, Tariff tariff,
                        Instant start, Duration step, int steps, double[] carbonCostPerKwh, FirstStep first) {
        try {
            return solveWith("", true, units, tree, sites, tariff, start, step, steps, carbonCostPerKwh, first);
        } catch (NotOptimal e) {
            // floors each unit reaches alone need not fit the site together: then every floor is penalized
        }
        try {
            return solveWith("", false, units, tree, sites, tariff, start, step, steps, carbonCostPerKwh, first);
        } catch (NotOptimal e) {
            // GLOP's default path can end ABNORMAL on a badly scaled instance (seen on a month of ACN sessions);
            // the dual simplex without presolve takes another route to the same optimum
            return solveWith(RETRY_PARAMETERS, false, units, tree, sites, tariff, start, step, steps,
                    carbonCostPerKwh, first);
        }
    }

    /**
     * One solve with GLOP settings in protobuf text form ({@code ""} for its defaults).
     *
     * @param hardFloors whether a unit that can reach its floors alone gets them as bounds on its energy rather
     *     than as penalized rows. Where nothing need be missed this is the same optimum, found in less than half
     *     the time (one shortfall column coupling all of a unit's steps makes GLOP's work grow; BENCHMARKS.md).
     *     Where something must be missed, the units that can still make it are served first and the others share
     *     the rest (penalized rows alone minimize the total missed, at such a unit's expense if that lowers the
     *     total); where even their floors do not fit together, there is no optimum ({@link NotOptimal})
     */
    static Result solveWith(String parameters, boolean hardFloors, List<LpUnit> units, LimitTree tree,
                            Map<Integer, SiteState> sites, Tariff tariff, Instant start, Duration step, int steps,
                            double[] carbonCostPerKwh, FirstStep first) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            if (!parameters.isEmpty() && !solver.setSolverSpecificParametersAsString(parameters)) {
                throw new IllegalArgumentException("GLOP refused parameters " + parameters);
            }
            return build(solver, hardFloors, units, tree, sites, tariff, start, step, steps, carbonCostPerKwh,
                    first);
        } finally {
            solver.delete();
        }
    }

    private static Result build(MPSolver solver, boolean hardFloors, List<LpUnit> units, LimitTree tree,
                                Map<Integer, SiteState> sites, Tariff tariff, Instant start, Duration step,
                                int steps, double[] carbon, FirstStep first) {
        MPObjective objective = solver.objective();
        double stepHours = step.toMillis() / 3_600_000.0;
        // the part of the first step still ahead: node rows bound the step average, so they shrink with it
        double firstRemaining = 1 - first.elapsedHours() / stepHours;
        double[] importPrice = new double[steps];
        double[] exportPrice = new double[steps];
        double maxPrice = tariff.demandChargePerKw();
        for (int k = 0; k < steps; k++) {
            Instant t = Instant.ofEpochMilli(start.toEpochMilli() + k * step.toMillis());
            importPrice[k] = tariff.importPrice().priceAt(t);
            // an export price above the import price would let the LP import and export at once for profit
            exportPrice[k] = Math.min(tariff.exportPrice().priceAt(t), importPrice[k]);
            maxPrice = Math.max(maxPrice, Math.abs(importPrice[k]) + Math.abs(exportPrice[k]));
        }
        double penaltyPerKwh = 1000 * (1 + maxPrice / Math.min(1, stepHours));

        MPConstraint[][] nodeRows = new MPConstraint[tree.size()][steps];
        MPVariable[][] siteImport = new MPVariable[tree.size()][];
        MPVariable[][] siteExport = new MPVariable[tree.size()][];
        MPVariable[] sitePeak = new MPVariable[tree.size()];
        MPConstraint[][] siteBalance = new MPConstraint[tree.size()][];
        for (int nd = 0; nd < tree.size(); nd++) {
            if (!sites.containsKey(tree.root(nd))) {
                continue;
            }
            for (int k = 0; k < steps; k++) {
                double capKw = Math.max(0, tree.evCapacityKw(nd));
                nodeRows[nd][k] = solver.makeConstraint(-INF, k == 0 ? capKw * firstRemaining : capKw);
            }
        }
        for (Map.Entry<Integer, SiteState> e : sites.entrySet()) {
            int s = e.getKey();
            SiteState site = e.getValue();
            double bound = site.usableLimitKw() + Math.abs(site.baseLoadKw()) + subtreeDischargeKw(units, tree, s);
            siteImport[s] = new MPVariable[steps];
            siteExport[s] = new MPVariable[steps];
            siteBalance[s] = new MPConstraint[steps];
            sitePeak[s] = solver.makeNumVar(site.peak15MinKw(), INF, "");
            objective.setCoefficient(sitePeak[s], tariff.demandChargePerKw());
            for (int k = 0; k < steps; k++) {
                // import - export - EV power = base load (+ in the first step what was metered before now)
                double fixedKw = k > 0 ? site.baseLoadKw() : site.baseLoadKw() * firstRemaining
                        + first.meteredKwhBySite().getOrDefault(s, 0.0) / stepHours;
                siteImport[s][k] = solver.makeNumVar(0, bound + Math.max(0, fixedKw), "");
                siteExport[s][k] = solver.makeNumVar(0, bound, "");
                objective.setCoefficient(siteImport[s][k], importPrice[k] * stepHours);
                objective.setCoefficient(siteExport[s][k], -exportPrice[k] * stepHours);
                MPConstraint balance = solver.makeConstraint(fixedKw, fixedKw);
                balance.setCoefficient(siteImport[s][k], 1);
                balance.setCoefficient(siteExport[s][k], -1);
                MPConstraint peak = solver.makeConstraint(0, INF);
                peak.setCoefficient(sitePeak[s], 1);
                peak.setCoefficient(siteImport[s][k], -1);
                siteBalance[s][k] = balance;
            }
        }

        int n = units.size();
        MPVariable[][] charge = new MPVariable[n][steps];
        MPVariable[][] discharge = new MPVariable[n][steps];
        MPVariable[] shortfall = new MPVariable[n];
        for (int u = 0; u < n; u++) {
            LpUnit unit = units.get(u);
            int site = tree.root(unit.node());
            // the node rows bound the step average; a unit plugged in for part of a step must still keep every
            // limit at each instant, or the plan counts on power no charger may draw
            double chargeCapKw = unit.maxChargeKw();
            for (int nd = unit.node(); nd >= 0; nd = tree.parent(nd)) {
                chargeCapKw = Math.min(chargeCapKw, Math.max(0, tree.evCapacityKw(nd)));
            }
            boolean hard = hardFloors && reachesFloorsAlone(unit, chargeCapKw);
            if (!hard) {
                shortfall[u] = solver.makeNumVar(0, INF, "");
                objective.setCoefficient(shortfall[u], penaltyPerKwh);
            }
            MPVariable previousEnergy = null;
            for (int k = 0; k < steps; k++) {
                double h = unit.hours()[k];
                if (h <= 0) {
                    continue;
                }
                MPVariable c = solver.makeNumVar(0, chargeCapKw, "");
                MPVariable d = solver.makeNumVar(0, unit.maxDischargeKw(), "");
                charge[u][k] = c;
                discharge[u][k] = d;
                double lowKwh = hard ? Math.max(unit.minEnergyKwh(), unit.floorKwh()[k]) : unit.minEnergyKwh();
                MPVariable energy = solver.makeNumVar(lowKwh, unit.fullKwh(), "");
                // energy[k] - energy[k-1] - eff*h*c + h/eff*d = 0 (energy[-1] = start energy)
                double rhs = previousEnergy == null ? unit.energyKwh() : 0;
                MPConstraint dynamics = solver.makeConstraint(rhs, rhs);
                dynamics.setCoefficient(energy, 1);
                if (previousEnergy != null) {
                    dynamics.setCoefficient(previousEnergy, -1);
                }
                dynamics.setCoefficient(c, -unit.efficiency() * h);
                dynamics.setCoefficient(d, h / unit.efficiency());
                if (!hard) {
                    MPConstraint floor = solver.makeConstraint(unit.floorKwh()[k], INF);
                    floor.setCoefficient(energy, 1);
                    floor.setCoefficient(shortfall[u], 1);
                }
                double wear = unit.degradationCostPerKwh() * h;
                double green = unit.greenest() && carbon != null ? carbon[k] * h : 0;
                double delay = EARLY_TIE_BREAK_PER_KWH_HOUR * k * stepHours * h;
                objective.setCoefficient(c, wear * unit.efficiency() + green + delay);
                objective.setCoefficient(d, wear / unit.efficiency());
                // power in kW averaged over the whole step, for limits and the site balance
                double share = h / stepHours;
                for (int nd = unit.node(); nd >= 0; nd = tree.parent(nd)) {
                    nodeRows[nd][k].setCoefficient(c, share);
                    nodeRows[nd][k].setCoefficient(d, -share);
                }
                if (siteBalance[site] != null) {
                    siteBalance[site][k].setCoefficient(c, -share);
                    siteBalance[site][k].setCoefficient(d, share);
                }
                previousEnergy = energy;
            }
        }
        objective.setMinimization();
        MPSolver.ResultStatus status = solver.solve();
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new NotOptimal(status);
        }
        double[][] unitPower = new double[n][steps];
        double[] missing = new double[n];
        double degradation = 0;
        for (int u = 0; u < n; u++) {
            LpUnit unit = units.get(u);
            missing[u] = shortfall[u] == null ? 0 : shortfall[u].solutionValue();
            for (int k = 0; k < steps; k++) {
                if (charge[u][k] != null) {
                    double c = charge[u][k].solutionValue();
                    double d = discharge[u][k].solutionValue();
                    unitPower[u][k] = c - d;
                    degradation += unit.degradationCostPerKwh() * unit.hours()[k]
                            * (c * unit.efficiency() + d / unit.efficiency());
                }
            }
        }
        double[][] siteNet = new double[tree.size()][];
        double importCost = 0;
        double exportRevenue = 0;
        double demandCharge = 0;
        for (int s : sites.keySet()) {
            siteNet[s] = new double[steps];
            for (int k = 0; k < steps; k++) {
                double imp = siteImport[s][k].solutionValue();
                double exp = siteExport[s][k].solutionValue();
                siteNet[s][k] = imp - exp;
                importCost += importPrice[k] * stepHours * imp;
                exportRevenue += exportPrice[k] * stepHours * exp;
            }
            demandCharge += tariff.demandChargePerKw() * sitePeak[s].solutionValue();
        }
        return new Result(unitPower, missing, siteNet, importCost, exportRevenue, demandCharge, degradation);
    }

    /**
     * Whether the unit, charging at {@code chargeCapKw} from the start, holds its floor at every step it is plugged
     * in, with room for solver rounding.
     */
    private static boolean reachesFloorsAlone(LpUnit unit, double chargeCapKw) {
        double energyKwh = unit.energyKwh();
        for (int k = 0; k < unit.hours().length; k++) {
            double h = unit.hours()[k];
            energyKwh = Math.min(unit.fullKwh(), energyKwh + chargeCapKw * unit.efficiency() * h);
            if (h > 0 && unit.floorKwh()[k] > energyKwh - SHORTFALL_TOLERANCE_KWH) {
                return false;
            }
        }
        return true;
    }

    private static double subtreeDischargeKw(List<LpUnit> units, LimitTree tree, int site) {
        double sum = 0;
        for (LpUnit u : units) {
            if (tree.root(u.node()) == site) {
                sum += u.maxDischargeKw();
            }
        }
        return sum;
    }
}
