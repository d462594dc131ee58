package org.gridfleet.v2g.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated fleet: up to three sites, optional charger groups (nested limits) and vehicles with random SoC,
 * targets, departures (some not reachable), V2G consent, efficiency, wear price and urgency.
 *
 * @param ample whether every site (and group) can carry all its chargers at full power at once
 */
record RandomFleet(List<VehicleState> vehicles, Map<String, SiteState> sites, List<LimitNode> nodes,
                   Map<String, String> vehicleNode, boolean ample) {

    LimitTree tree() {
        return LimitTree.of(sites, nodes, vehicleNode);
    }

    static RandomFleet generate(long seed, int maxVehicles, boolean ample) {
        Random rnd = new Random(seed);
        int siteCount = 1 + rnd.nextInt(3);
        List<VehicleState> vehicles = new ArrayList<>();
        Map<String, String> vehicleNode = new HashMap<>();
        List<LimitNode> nodes = new ArrayList<>();
        Map<String, SiteState> sites = new HashMap<>();
        for (int s = 0; s < siteCount; s++) {
            String siteId = "site" + s;
            int n = 1 + rnd.nextInt(maxVehicles);
            double siteChargeKw = 0;
            boolean grouped = rnd.nextBoolean();
            double groupChargeKw = 0;
            String groupId = siteId + "-group";
            for (int i = 0; i < n; i++) {
                double battery = 20 + rnd.nextDouble() * 80;
                double reserve = rnd.nextDouble() * 0.3;
                double soc = rnd.nextDouble() < 0.1 ? rnd.nextDouble() * reserve : reserve + rnd.nextDouble()
                        * (1 - reserve);
                double target = rnd.nextDouble();
                double departureHours = 0.2 + rnd.nextDouble() * 8;
                double maxCharge = 3 + rnd.nextDouble() * 20;
                double maxDischarge = rnd.nextBoolean() ? rnd.nextDouble() * maxCharge : 0;
                String id = siteId + "-v" + i;
                vehicles.add(new VehicleState(id, siteId, battery, soc, reserve, target,
                        Fixtures.at(departureHours), maxCharge, maxDischarge, 0.85 + rnd.nextDouble() * 0.15,
                        rnd.nextDouble() * 0.1, rnd.nextDouble() < 0.1));
                siteChargeKw += maxCharge;
                if (grouped && rnd.nextBoolean()) {
                    vehicleNode.put(id, groupId);
                    groupChargeKw += maxCharge;
                }
            }
            double base = rnd.nextDouble() * 50;
            double evLimit = ample ? siteChargeKw : 1 + rnd.nextDouble() * siteChargeKw;
            double headroom = rnd.nextDouble() * 10;
            double limit = (base + evLimit) / (1 - headroom / 100) + 1e-6;
            sites.put(siteId, new SiteState(siteId, limit, headroom, base, 0));
            if (grouped && groupChargeKw > 0) {
                double groupLimit = ample ? groupChargeKw + 1e-6 : 1 + rnd.nextDouble() * groupChargeKw;
                nodes.add(new LimitNode(groupId, siteId, groupLimit, 0));
            }
        }
        return new RandomFleet(vehicles, sites, nodes, vehicleNode, ample);
    }
}
