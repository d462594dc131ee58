package org.gridfleet.loadtest.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleState;

/**
 * A seeded synthetic fleet for control-core benchmarks: vehicles spread over sites of 100 chargers, with
 * workplace-like arrivals (06:00-12:00) and stays of 4-10 h. Not real session data: it only has to be large.
 */
final class SyntheticFleet {

    /** A vehicle and when it plugs in; its state holds the SoC on arrival. */
    record Visit(VehicleState state, Instant arrival) {
    }

    static final int VEHICLES_PER_SITE = 100;

    private SyntheticFleet() {
    }

    static Map<String, SiteState> sites(int vehicles) {
        Map<String, SiteState> sites = new HashMap<>();
        for (int s = 0; s < Math.max(1, vehicles / VEHICLES_PER_SITE); s++) {
            // 100 chargers of up to 11 kW behind a 600 kW connection with 150 kW of base load
            sites.put("site" + s, new SiteState("site" + s, 600, 5, 150, 0));
        }
        return sites;
    }

    static List<Visit> visits(int vehicles, Instant dayStart, long seed) {
        Random rnd = new Random(seed);
        int siteCount = Math.max(1, vehicles / VEHICLES_PER_SITE);
        List<Visit> visits = new ArrayList<>(vehicles);
        for (int i = 0; i < vehicles; i++) {
            Instant arrival = dayStart.plus(Duration.ofMinutes(360 + rnd.nextInt(360)));
            Instant departure = arrival.plus(Duration.ofMinutes(240 + rnd.nextInt(360)));
            double maxCharge = rnd.nextBoolean() ? 7.4 : 11;
            visits.add(new Visit(new VehicleState("v" + i, "site" + (i % siteCount), 40 + rnd.nextInt(60),
                    0.2 + rnd.nextDouble() * 0.5, 0.2, 0.8, departure, maxCharge,
                    rnd.nextInt(3) == 0 ? maxCharge : 0, 0.92, 0.02 + rnd.nextDouble() * 0.06,
                    rnd.nextInt(50) == 0), arrival));
        }
        return visits;
    }
}
