package org.gridfleet.aggregator.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.v2g.control.OfflineOptimum;
import org.gridfleet.v2g.control.PlannedVehicle;
import org.gridfleet.v2g.control.PriceCurve;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.Tariff;
import org.gridfleet.v2g.control.VehicleState;

/**
 * {@code offlineOptimum} from the control core's perfect-foresight LP ({@link OfflineOptimum}) on 15-minute steps:
 * every visit known in advance, the same power, reserve, target, site-limit and wear terms as the controller. The
 * LP holds each site's base load at its highest value (so the limit holds whatever the hour); the schedule's EV
 * power is then billed like the simulation, minute by minute with the scenario's own base load and prices.
 * Not modelled: DR import limits, charger latency and ramps, budgets other than exhausted ones (an exhausted
 * vehicle gets no discharge power).
 */
public final class LpOfflineOptimum implements OfflineOptimumSolver {
    private static final Duration LP_STEP = Duration.ofMinutes(15);
    private static final int BILLING_SECONDS = 60;

    private final WearPrices wear;

    public LpOfflineOptimum(WearPrices wear) {
        this.wear = wear;
    }

    @Override
    public SimulationReport.OptimumCost solve(Scenario s) {
        List<PlannedVehicle> planned = new ArrayList<>(s.vehicles().size());
        for (Scenario.Vehicle v : s.vehicles()) {
            boolean mayDischarge = v.v2g() && !DischargeBudgets.exhaustedAtStart(v.degradationBudget());
            planned.add(new PlannedVehicle(new VehicleState(v.id(), v.site(), v.batteryKwh(), v.arrivalSoc(),
                    v.reserveSoc(), v.departureSoc(), v.departure(), v.maxChargeKw(),
                    mayDischarge ? v.maxDischargeKw() : 0, s.chargers().efficiency(), wear.perKwh(v), false),
                    v.arrival()));
        }
        Map<String, SiteState> sites = new HashMap<>();
        Map<String, Double> heldBaseKw = new HashMap<>();
        for (Scenario.Site site : s.sites()) {
            double maxBase = site.baseLoadKw().stream().mapToDouble(Scenario.TimedKw::kw).max().orElse(0);
            heldBaseKw.put(site.id(), maxBase);
            sites.put(site.id(), new SiteState(site.id(), site.limitKw(), site.headroomPct(), maxBase, 0));
        }
        Tariff tariff = ScenarioCurves.tariff(s);
        OfflineOptimum.Result best = OfflineOptimum.solve(planned, sites, tariff, s.start(), s.end(), LP_STEP);
        double energy = 0;
        double demand = 0;
        for (Scenario.Site site : s.sites()) {
            SiteMeter meter = bill(s, site, best.siteImportKw().get(site.id()), heldBaseKw.get(site.id()), tariff);
            energy += meter.energyCost();
            demand += meter.peak15MinKw() * s.tariff().demandChargePerKw();
        }
        return new SimulationReport.OptimumCost(new SimulationReport.OptimumCost.Cost(energy, demand, energy + demand),
                best.infeasibleVehicles().stream().sorted().toList());
    }

    /** Meters the LP's EV power plus the scenario's base load at one site, as the simulation would. */
    private static SiteMeter bill(Scenario s, Scenario.Site site, double[] lpSiteKw, double heldBaseKw,
                                  Tariff tariff) {
        long start = s.start().getEpochSecond();
        long end = s.end().getEpochSecond();
        SiteMeter meter = new SiteMeter(site.limitKw(), start, end);
        PriceCurve base = ScenarioCurves.baseLoad(site);
        long lpStepSeconds = LP_STEP.toSeconds();
        for (long t = start; t < end; t += BILLING_SECONDS) {
            Instant now = Instant.ofEpochSecond(t);
            double evKw = lpSiteKw[(int) ((t - start) / lpStepSeconds)] - heldBaseKw;
            meter.record(t, (int) Math.min(BILLING_SECONDS, end - t), evKw + base.priceAt(now),
                    tariff.importPrice().priceAt(now), tariff.exportPrice().priceAt(now));
        }
        return meter;
    }
}
