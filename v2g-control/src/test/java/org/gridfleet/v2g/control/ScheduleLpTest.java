package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.v2g.control.Fixtures.T0;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleLpTest {

    @Test
    void theRetryRouteShouldReachTheSameOptimumAsTheFirstTry() {
        // GIVEN three vans sharing a 12 kW site with a cheap price after 4 h and a demand charge
        SiteState site = Fixtures.site(12, 1);
        LimitTree tree = LimitTree.of(Fixtures.sites(site));
        Tariff tariff = new Tariff(Fixtures.twoPrice(0.32, 4, 0.12).importPrice(),
                PriceCurve.constant(0.05), 15);
        List<LpUnit> units = List.of(
                unit(Fixtures.vehicle("a", 0.3, 0.9, 6, 7.2, 7.2), tree),
                unit(Fixtures.vehicle("b", 0.5, 0.8, 5, 7.2, 0), tree),
                unit(Fixtures.vehicle("c", 0.2, 1.0, 7.5, 11, 0), tree));
        Map<Integer, SiteState> sites = Map.of(tree.indexOf("s1"), site);
        // WHEN solved on GLOP's default route and on the retry route
        ScheduleLp.Result first = ScheduleLp.solveWith("", units, tree, sites, tariff, T0, Duration.ofMinutes(15), 32,
                null, ScheduleLp.FirstStep.WHOLE);
        ScheduleLp.Result retry = ScheduleLp.solveWith(ScheduleLp.RETRY_PARAMETERS, units, tree, sites, tariff, T0,
                Duration.ofMinutes(15), 32, null, ScheduleLp.FirstStep.WHOLE);
        // THEN GLOP accepts the retry's settings, and both costs and shortfalls agree
        assertThat(cost(retry)).isCloseTo(cost(first), within(1e-6));
        assertThat(retry.shortfallKwh()).containsExactly(first.shortfallKwh(), within(1e-6));
        assertThat(cost(first)).isPositive();
    }

    private static LpUnit unit(VehicleState v, LimitTree tree) {
        return LpUnit.of(v, ChargingPreference.LOWEST_COST, tree.nodeOf(v), T0, T0, Duration.ofMinutes(15), 32,
                Duration.ZERO);
    }

    private static double cost(ScheduleLp.Result r) {
        return r.importCost() - r.exportRevenue() + r.demandCharge() + r.degradationCost();
    }
}
