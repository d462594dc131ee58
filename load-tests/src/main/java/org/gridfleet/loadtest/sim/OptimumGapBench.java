package org.gridfleet.loadtest.sim;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gridfleet.aggregator.sim.LpOfflineOptimum;
import org.gridfleet.aggregator.sim.Scenario;
import org.gridfleet.aggregator.sim.ScenarioException;
import org.gridfleet.aggregator.sim.ScenarioLoader;
import org.gridfleet.aggregator.sim.SimulationReport;
import org.gridfleet.aggregator.sim.Simulator;
import org.gridfleet.aggregator.sim.SiteTargetSource;
import org.gridfleet.aggregator.sim.TraceWriter;
import org.gridfleet.aggregator.sim.WearPrices;
import org.gridfleet.v2g.control.ArrivalForecast;
import org.gridfleet.v2g.control.ScheduledController;
import org.gridfleet.v2g.control.ScheduledControllerConfig;
import org.gridfleet.v2g.control.SessionHistoryForecast;

/**
 * Cost of the control core against the perfect-foresight optimum over the session-day scenarios that
 * {@link SessionScenarioBuilder} wrote: per day the controller's energy + demand charge over the optimum's, and the
 * departures missed (by the controller, by the optimum, i.e. out of reach under the site limits, and by dumb
 * charging, which ignores the limits); then the
 * median and worst ratio. Missed departures are split by {@link DepartureFeasibility}: a feasible target (reachable
 * by the vehicle alone at its attainable power from arrival) missed is the controller's fault; of those, the ones
 * no longer reachable from the first step the controller saw the vehicle at are counted apart ({@code lateSeen}), and
 * so are the ones the optimum misses too ({@code alsoOptimum}: the site could not serve every visit at once).
 * Usage: {@code OptimumGapBench DIR [PREFIX [MAX_DAYS]] [misses] [forecast=DAYS|perfect] [share=S] [zone=ZONE]
 * [traces=DIR]} (default prefix {@code dundee-}, every day; {@code misses} also prints each missed feasible
 * departure; {@code forecast=DAYS} gives the controller a {@link SessionHistoryForecast} over the last DAYS days of
 * the same kind planned at share S, learned from the days already simulated, in order, with days and times of day
 * in ZONE, default UTC; {@code forecast=perfect} tells it each day's real arrivals in advance instead, which
 * isolates the forecast's error from the rest of the controller's; {@code traces=DIR} writes each day's trace CSV
 * there).
 */
public final class OptimumGapBench {

    private OptimumGapBench() {
    }

    public static void main(String[] args) throws IOException, ScenarioException {
        // positional: DIR PREFIX MAX_DAYS; options: key=value
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (String a : args) {
            if (a.contains("=")) {
                options.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (!"misses".equals(a)) {
                positional.add(a);
            }
        }
        Path dir = Path.of(positional.size() > 0 ? positional.get(0) : "load-tests/target/scenarios");
        String prefix = positional.size() > 1 ? positional.get(1) : "dundee-";
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted()
                    .limit(positional.size() > 2 ? Integer.parseInt(positional.get(2)) : Long.MAX_VALUE).toList();
        }
        String forecastOption = options.get("forecast");
        boolean perfect = "perfect".equals(forecastOption);
        SessionHistoryForecast forecast = forecastOption != null && !perfect
                ? new SessionHistoryForecast(Integer.parseInt(forecastOption),
                        ZoneId.of(options.getOrDefault("zone", "UTC")), Double.parseDouble(
                                options.getOrDefault("share", "" + SessionHistoryForecast.DEFAULT_PLAN_SHARE)))
                : null;
        Simulator simulator = forecast == null ? Simulator.withControlCore(Clock.systemUTC()) : withForecast(forecast);
        LpOfflineOptimum optimum = new LpOfflineOptimum(WearPrices.ofDefaults());
        List<Double> ratios = new ArrayList<>();
        int vehicles = 0;
        int missed = 0;
        int dumbMissed = 0;
        // the controller's cost above the optimum's, split into energy and demand charge: which one the gap is
        double excessEnergy = 0;
        double excessDemand = 0;
        int optimumMissed = 0;
        int feasible = 0;
        int missedFeasible = 0;
        int alsoOptimum = 0;
        int lateSeen = 0;
        long wallMs = 0;
        boolean printMisses = List.of(args).contains("misses");
        System.out.println("day,vehicles,controller,optimum,ratio,missedDepartures,optimumMissedDepartures,"
                + "dumbMissedDepartures,feasibleDepartures,missedFeasible,missedFeasibleSeenLate,"
                + "missedFeasibleAlsoByOptimum,wallClockMs");
        for (Path file : files) {
            Scenario scenario = new ScenarioLoader().load(file);
            if (perfect) {
                simulator = withForecast(new ScenarioArrivals(scenario));
            }
            SimulationReport r;
            if (options.containsKey("traces")) {
                Path traceFile = Path.of(options.get("traces"), scenario.name() + ".csv");
                try (Writer w = Files.newBufferedWriter(traceFile)) {
                    r = simulator.run(scenario, SiteTargetSource.NONE, new TraceWriter(w), optimum);
                }
            } else {
                r = simulator.run(scenario, SiteTargetSource.NONE, null, optimum);
            }
            double controller = r.cost().energy() + r.cost().demandCharge();
            excessEnergy += r.cost().energy() - r.offlineOptimum().cost().energy();
            excessDemand += r.cost().demandCharge() - r.offlineOptimum().cost().demandCharge();
            Double ratio = r.offlineOptimum().controllerCostRatio();
            if (ratio != null) {
                ratios.add(ratio);
            }
            vehicles += r.vehicles().size();
            missed += r.violations().departure();
            dumbMissed += r.dumbCharging().violations().departure();
            optimumMissed += r.offlineOptimum().missedDepartures();
            wallMs += r.wallClockMs();
            Tally t = tally(scenario, r, printMisses);
            if (forecast != null) {
                learn(forecast, scenario);
            }
            feasible += t.feasible();
            missedFeasible += t.missedFeasible();
            lateSeen += t.lateSeen();
            alsoOptimum += t.alsoOptimum();
            System.out.printf("%s,%d,%.2f,%.2f,%s,%d,%d,%d,%d,%d,%d,%d,%d%n", scenario.name(), r.vehicles().size(),
                    controller, r.offlineOptimum().cost().total(), ratio == null ? "" : String.format("%.4f", ratio),
                    r.violations().departure(), r.offlineOptimum().missedDepartures(),
                    r.dumbCharging().violations().departure(), t.feasible(), t.missedFeasible(), t.lateSeen(),
                    t.alsoOptimum(), r.wallClockMs());
        }
        Collections.sort(ratios);
        if (ratios.isEmpty()) {
            System.out.println("no scenario files " + prefix + "* in " + dir);
            return;
        }
        System.out.printf("days=%d vehicles=%d medianRatio=%.4f worstRatio=%.4f missedDepartures=%d "
                        + "optimumMissedDepartures=%d dumbMissedDepartures=%d feasibleDepartures=%d "
                        + "missedFeasible=%d missedFeasibleSeenLate=%d missedFeasibleAlsoByOptimum=%d "
                        + "missedInfeasible=%d wallSeconds=%.1f%n",
                ratios.size(), vehicles, median(ratios), ratios.get(ratios.size() - 1), missed, optimumMissed,
                dumbMissed, feasible, missedFeasible, lateSeen, alsoOptimum, missed - missedFeasible,
                wallMs / 1000.0);
        System.out.printf("costAboveOptimum energy=%.2f demandCharge=%.2f%n", excessEnergy, excessDemand);
    }

    private static Simulator withForecast(ArrivalForecast forecast) {
        return new Simulator(() -> new ScheduledController(ScheduledControllerConfig.ofDefaults(), forecast),
                WearPrices.ofDefaults(), Clock.systemUTC());
    }

    /** What the day's drivers asked for, learned only after the day is simulated: the forecast sees the past alone. */
    private static void learn(SessionHistoryForecast forecast, Scenario s) {
        double efficiency = s.chargers().efficiency();
        for (Scenario.Vehicle v : s.vehicles()) {
            forecast.record(v.site(), v.arrival(), v.departure(), ScenarioArrivals.neededKwh(v), v.maxChargeKw(),
                    efficiency);
        }
    }

    /**
     * Feasible departures, feasible ones the controller missed, and of those the ones out of reach when seen and the
     * ones the optimum missed too.
     */
    private record Tally(int feasible, int missedFeasible, int lateSeen, int alsoOptimum) {
    }

    private static Tally tally(Scenario s, SimulationReport r, boolean print) {
        Map<String, Scenario.Site> sites = new HashMap<>();
        s.sites().forEach(site -> sites.put(site.id(), site));
        Map<String, SimulationReport.VehicleResult> results = new HashMap<>();
        r.vehicles().forEach(v -> results.put(v.id(), v));
        double efficiency = s.chargers().efficiency();
        int feasible = 0;
        int missed = 0;
        int late = 0;
        int alsoOptimum = 0;
        Set<String> optimumMissed = Set.copyOf(r.offlineOptimum().missedVehicles());
        for (Scenario.Vehicle v : s.vehicles()) {
            Scenario.Site site = sites.get(v.site());
            if (!DepartureFeasibility.reachable(v, site, efficiency, v.arrival())) {
                continue;
            }
            feasible++;
            SimulationReport.VehicleResult result = results.get(v.id());
            if (result.metTarget()) {
                continue;
            }
            missed++;
            boolean seenLate = !DepartureFeasibility.reachable(v, site, efficiency,
                    DepartureFeasibility.firstSeen(s, v));
            late += seenLate ? 1 : 0;
            boolean optimumToo = optimumMissed.contains(v.id());
            alsoOptimum += optimumToo ? 1 : 0;
            if (print) {
                System.out.printf("  missed %s at %s: %s-%s, %.0f kW of %.2f kW usable, soc %.4f of %.4f%s%s%n",
                        v.id(), v.site(), v.arrival(), v.departure(), v.maxChargeKw(),
                        DepartureFeasibility.attainableKw(v, site), result.departureSoc(), v.departureSoc(),
                        seenLate ? " (out of reach when first seen)" : "", optimumToo ? " (the optimum too)" : "");
            }
        }
        return new Tally(feasible, missed, late, alsoOptimum);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
