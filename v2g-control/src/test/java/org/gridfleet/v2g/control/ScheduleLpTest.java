package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.v2g.control.Fixtures.T0;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleLpTest {

    @Test
    void theRetryRouteShouldReachTheSameOptimumAsTheFirstTry() {
        // GIVEN three vans sharing a 12 kW site with a cheap price after 4 h and a demand charge
        // WHEN solved on GLOP's default route and on the retry route
        ScheduleLp.Result first = threeVans("", false);
        ScheduleLp.Result retry = threeVans(ScheduleLp.RETRY_PARAMETERS, false);
        // THEN GLOP accepts the retry's settings, and both costs and shortfalls agree
        assertThat(cost(retry)).isCloseTo(cost(first), within(1e-6));
        assertThat(retry.shortfallKwh()).containsExactly(first.shortfallKwh(), within(1e-6));
        assertThat(cost(first)).isPositive();
    }

    @Test
    void hardFloorsShouldReachTheSameOptimumAsPenalizedFloorsWhenEveryFloorFits() {
        // GIVEN the three vans of the test above, whose targets all fit the 12 kW site
        // WHEN solved with the floors as energy bounds and as penalized rows
        ScheduleLp.Result hard = threeVans("", true);
        ScheduleLp.Result soft = threeVans("", false);
        // THEN both reach the same cost with no shortfall
        assertThat(cost(hard)).isCloseTo(cost(soft), within(1e-6));
        assertThat(hard.shortfallKwh()).containsOnly(0.0);
        assertThat(Arrays.stream(soft.shortfallKwh()).max().orElseThrow())
                .isLessThan(ScheduleLp.SHORTFALL_TOLERANCE_KWH);
    }

    @Test
    void aVanThatCanStillMakeItsTargetShouldBeServedBeforeOneThatCannot() {
        // GIVEN an 8 kW site for 4 h (32 kWh from the grid): van a, 85 % efficient, needs 20 kWh (24.5 alone);
        // van b, 100 % efficient, needs 32 kWh, more than its 7.2 kW can give (28.8)
        SiteState site = Fixtures.site(8, 0);
        LimitTree tree = LimitTree.of(Fixtures.sites(site));
        VehicleState a = new VehicleState("a", "s1", 40, 0.3, 0.2, 0.8, Fixtures.at(4), 7.2, 0, 0.85, 0, false);
        List<LpUnit> units = List.of(unit(a, tree), unit(Fixtures.vehicle("b", 0.2, 1.0, 4, 7.2, 0), tree));
        Map<Integer, SiteState> sites = Map.of(tree.indexOf("s1"), site);
        // WHEN scheduled, and with penalized floors alone
        ScheduleLp.Result r = ScheduleLp.solve(units, tree, sites, Fixtures.flat(0.2, 0), T0, Duration.ofMinutes(15),
                32, null);
        ScheduleLp.Result penalized = ScheduleLp.solveWith("", false, units, tree, sites, Fixtures.flat(0.2, 0), T0,
                Duration.ofMinutes(15), 32, null, ScheduleLp.FirstStep.WHOLE);
        // THEN a reaches its target (20 / 0.85 = 23.5 kWh from the grid) and b takes the other 8.5 kWh; penalized
        // rows alone would give b its 28.8 kWh, where each grid kWh misses less, and leave a short
        assertThat(r.shortfallKwh()[0]).isZero();
        assertThat(r.shortfallKwh()[1]).isCloseTo(32 - (32 - 20 / 0.85), within(1e-3));
        assertThat(penalized.shortfallKwh()[0]).isGreaterThan(10);
    }

    @Test
    void floorsThatEachFitAloneButNotTogetherShouldFallBackToTheShortfallPenalty() {
        // GIVEN two vans that each reach 28 kWh in 4 h at 7.2 kW, sharing an 8 kW site (32 kWh in 4 h)
        SiteState site = Fixtures.site(8, 0);
        LimitTree tree = LimitTree.of(Fixtures.sites(site));
        Tariff tariff = Fixtures.flat(0.2, 0);
        List<LpUnit> units = List.of(
                unit(Fixtures.vehicle("a", 0.2, 0.9, 4, 7.2, 0), tree),
                unit(Fixtures.vehicle("b", 0.2, 0.9, 4, 7.2, 0), tree));
        Map<Integer, SiteState> sites = Map.of(tree.indexOf("s1"), site);
        // WHEN solved with hard floors, and through the public route
        // THEN hard floors have no solution, and the public route still gives its best effort: 24 kWh short in all
        assertThatThrownBy(() -> solveWith("", true, units, tree, sites, tariff))
                .isInstanceOf(ScheduleLp.NotOptimal.class);
        ScheduleLp.Result r = ScheduleLp.solve(units, tree, sites, tariff, T0, Duration.ofMinutes(15), 32, null);
        assertThat(r.shortfallKwh()[0] + r.shortfallKwh()[1]).isCloseTo(24, within(1e-3));
    }

    /** Three vans sharing a 12 kW site (1 kW base load), import 0.32 then 0.12 after 4 h, demand charge 15/kW. */
    private static ScheduleLp.Result threeVans(String parameters, boolean hardFloors) {
        SiteState site = Fixtures.site(12, 1);
        LimitTree tree = LimitTree.of(Fixtures.sites(site));
        Tariff tariff = new Tariff(Fixtures.twoPrice(0.32, 4, 0.12).importPrice(),
                PriceCurve.constant(0.05), 15);
        List<LpUnit> units = List.of(
                unit(Fixtures.vehicle("a", 0.3, 0.9, 6, 7.2, 7.2), tree),
                unit(Fixtures.vehicle("b", 0.5, 0.8, 5, 7.2, 0), tree),
                unit(Fixtures.vehicle("c", 0.2, 1.0, 7.5, 11, 0), tree));
        Map<Integer, SiteState> sites = Map.of(tree.indexOf("s1"), site);
        return solveWith(parameters, hardFloors, units, tree, sites, tariff);
    }

    private static ScheduleLp.Result solveWith(String parameters, boolean hardFloors, List<LpUnit> units,
                                               LimitTree tree, Map<Integer, SiteState> sites, Tariff tariff) {
        return ScheduleLp.solveWith(parameters, hardFloors, units, tree, sites, tariff, T0, Duration.ofMinutes(15),
                32, null, ScheduleLp.FirstStep.WHOLE);
    }

    private static LpUnit unit(VehicleState v, LimitTree tree) {
        return LpUnit.of(v, ChargingPreference.LOWEST_COST, tree.nodeOf(v), T0, T0, Duration.ofMinutes(15), 32,
                Duration.ZERO);
    }

    private static double cost(ScheduleLp.Result r) {
        return r.importCost() - r.exportRevenue() + r.demandCharge() + r.degradationCost();
    }
}
