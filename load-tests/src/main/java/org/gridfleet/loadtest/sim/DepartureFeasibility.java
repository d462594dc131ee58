package org.gridfleet.loadtest.sim;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.aggregator.sim.Scenario;

/**
 * Whether a visit's departure target is physically reachable: the vehicle alone at its attainable power (the least
 * of its charge limit and its site's usable limit, i.e. limit minus headroom minus the site's highest base load),
 * with the chargers' efficiency, from a given start until departure. A miss of a feasible target is the
 * controller's fault; an infeasible one is reported, not counted against it.
 */
final class DepartureFeasibility {
    /** The simulation's tolerance on departure SoC (a target within it counts as met). */
    static final double SOC_TOLERANCE = 1e-3;

    private DepartureFeasibility() {
    }

    /** Attainable charge power of the vehicle alone at its site, kW at the grid side. */
    static double attainableKw(Scenario.Vehicle v, Scenario.Site site) {
        double maxBase = site.baseLoadKw().stream().mapToDouble(Scenario.TimedKw::kw).max().orElse(0);
        double usable = site.limitKw() * (1 - site.headroomPct() / 100.0) - Math.max(0, maxBase);
        return Math.max(0, Math.min(v.maxChargeKw(), usable));
    }

    /** Whether charging alone at {@link #attainableKw} from {@code from} meets the target by departure. */
    static boolean reachable(Scenario.Vehicle v, Scenario.Site site, double efficiency, Instant from) {
        double hours = Math.max(0, Duration.between(from, v.departure()).toMillis() / 3_600_000.0);
        double kwh = v.arrivalSoc() * v.batteryKwh() + attainableKw(v, site) * efficiency * hours;
        return kwh >= (v.departureSoc() - SOC_TOLERANCE) * v.batteryKwh();
    }

    /** The first simulation step at or after the vehicle's arrival: when a controller first sees it. */
    static Instant firstSeen(Scenario s, Scenario.Vehicle v) {
        long start = s.start().getEpochSecond();
        long step = s.stepSeconds();
        long sinceStart = Math.max(0, v.arrival().getEpochSecond() - start);
        return Instant.ofEpochSecond(start + (sinceStart + step - 1) / step * step);
    }
}
