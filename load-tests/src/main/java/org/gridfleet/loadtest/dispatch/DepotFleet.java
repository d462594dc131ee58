package org.gridfleet.loadtest.dispatch;

import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Synthetic V2G depots for the dispatcher benchmarks: 100 vans per site, 11 kW both ways, random SoC and stay. */
final class DepotFleet {

    static final int VANS_PER_SITE = 100;
    static final double VAN_KW = 11;

    private DepotFleet() {
    }

    static Map<String, SiteState> sites(int vehicles) {
        Map<String, SiteState> sites = new HashMap<>();
        for (int s = 0; s < (vehicles + VANS_PER_SITE - 1) / VANS_PER_SITE; s++) {
            sites.put("site" + s, new SiteState("site" + s, VANS_PER_SITE * VAN_KW * 0.8, 5, 50, 0));
        }
        return sites;
    }

    static List<VehicleState> vans(int vehicles, Instant now, long seed) {
        Random rnd = new Random(seed);
        List<VehicleState> out = new ArrayList<>(vehicles);
        for (int i = 0; i < vehicles; i++) {
            out.add(new VehicleState("van" + i, "site" + (i / VANS_PER_SITE), 75, 0.3 + 0.6 * rnd.nextDouble(), 0.2,
                    0.8, now.plus(Duration.ofMinutes(360 + rnd.nextInt(480))), VAN_KW, VAN_KW, 0.93,
                    0.02 + 0.06 * rnd.nextDouble(), false));
        }
        return out;
    }
}
