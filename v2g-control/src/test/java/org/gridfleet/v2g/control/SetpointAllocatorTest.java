package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.v2g.control.Fixtures.T0;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetpointAllocatorTest {

    private static final Duration STEP = Duration.ofMinutes(1);
    private static final Map<String, SiteState> SITE = Fixtures.sites(Fixtures.site(25, 5));

    private static VehicleState relaxed(String id, double degradationCostPerKwh, boolean urgent) {
        return new VehicleState(id, "s1", 40, 0.5, 0.2, 0.6, Fixtures.at(10), 11, 11, 1.0, degradationCostPerKwh,
                urgent);
    }

    @Test
    void allocateShouldGiveUrgentVehiclesFullPowerWhenTheSiteIsShort() {
        // GIVEN 20 kW of EV room; two plain vehicles plan 11 kW, one urgent plans nothing
        var a = relaxed("a", 0, false);
        var b = relaxed("b", 0, false);
        var u = relaxed("u", 0, true);
        var allocator = new SetpointAllocator(AllocatorConfig.none());
        // WHEN
        var out = allocator.allocate(T0, STEP, List.of(a, b, u), LimitTree.of(SITE),
                Map.of("a", 11.0, "b", 11.0), Map.of());
        // THEN the urgent vehicle gets 11 kW and the others share the remaining 9 kW
        assertThat(out.setpointsKw().get("u")).isCloseTo(11, within(1e-9));
        assertThat(out.setpointsKw().get("a") + out.setpointsKw().get("b")).isCloseTo(9, within(1e-9));
    }

    @Test
    void allocateShouldMoveTheCheapestDegradationFirstWhenFollowingASiteTarget() {
        // GIVEN three V2G vehicles planning 0 with wear prices 0.05, 0.01, 0.03 and a site target of -15 kW
        var dear = relaxed("dear", 0.05, false);
        var cheap = relaxed("cheap", 0.01, false);
        var mid = relaxed("mid", 0.03, false);
        var allocator = new SetpointAllocator(AllocatorConfig.none());
        // WHEN
        var out = allocator.allocate(T0, STEP, List.of(dear, cheap, mid), LimitTree.of(SITE), Map.of(),
                Map.of("s1", -15.0));
        // THEN the cheapest discharges fully, the middle one the rest, the dearest not at all
        assertThat(out.setpointsKw()).containsEntry("cheap", -11.0).containsEntry("dear", 0.0);
        assertThat(out.setpointsKw().get("mid")).isCloseTo(-4, within(1e-9));
    }

    @Test
    void allocateShouldYieldTheLeastUrgentFirstWhenWearPricesTie() {
        // GIVEN two vehicles charging 10 kW, one leaving in 1 h short of energy, one in 10 h; target 10 kW
        var soon = new VehicleState("soon", "s1", 40, 0.5, 0.2, 0.7, Fixtures.at(1), 11, 0, 1.0, 0, false);
        var later = relaxed("later", 0, false);
        var allocator = new SetpointAllocator(AllocatorConfig.none());
        // WHEN
        var out = allocator.allocate(T0, STEP, List.of(soon, later), LimitTree.of(SITE),
                Map.of("soon", 10.0, "later", 10.0), Map.of("s1", 10.0));
        // THEN the vehicle with more slack gives way
        assertThat(out.setpointsKw().get("soon")).isCloseTo(10, within(1e-9));
        assertThat(out.setpointsKw().get("later")).isCloseTo(0, within(1e-9));
    }

    @Test
    void allocateShouldRespectANestedGroupLimitWhenTheSiteHasRoom() {
        // GIVEN a 12 kW charger group holding a and b inside a 100 kW site
        var sites = Fixtures.sites(Fixtures.site(100, 0));
        var tree = LimitTree.of(sites, List.of(new LimitNode("g", "s1", 12, 0)), Map.of("a", "g", "b", "g"));
        var allocator = new SetpointAllocator(AllocatorConfig.none());
        // WHEN all three plan 11 kW
        var out = allocator.allocate(T0, STEP, List.of(relaxed("a", 0, false), relaxed("b", 0, false),
                relaxed("c", 0, false)), tree, Map.of("a", 11.0, "b", 11.0, "c", 11.0), Map.of());
        // THEN the group shares 12 kW and c outside the group gets its 11 kW
        assertThat(out.setpointsKw().get("a") + out.setpointsKw().get("b")).isCloseTo(12, within(1e-9));
        assertThat(out.setpointsKw().get("c")).isCloseTo(11, within(1e-9));
    }

    @Test
    void allocateShouldKeepTheSetpointWhenTheChangeIsBelowTheMinimum() {
        // GIVEN a 1 kW minimum change and a vehicle at 5 kW
        var v = relaxed("v", 0, false);
        var allocator = new SetpointAllocator(new AllocatorConfig(1.0, Duration.ZERO));
        allocator.allocate(T0, STEP, List.of(v), LimitTree.of(SITE), Map.of("v", 5.0), Map.of());
        // WHEN the plan moves by 0.6 kW, then by 1.5 kW
        var small = allocator.allocate(T0.plus(STEP), STEP, List.of(v), LimitTree.of(SITE), Map.of("v", 5.6),
                Map.of());
        var large = allocator.allocate(T0.plus(STEP.multipliedBy(2)), STEP, List.of(v), LimitTree.of(SITE),
                Map.of("v", 6.5), Map.of());
        // THEN the small change is held back and the large one goes through
        assertThat(small.setpointsKw().get("v")).isEqualTo(5.0);
        assertThat(large.setpointsKw().get("v")).isEqualTo(6.5);
    }

    @Test
    void allocateShouldWaitTheMinimumIntervalBeforeChangingAgain() {
        // GIVEN changes allowed at most every 5 minutes
        var v = relaxed("v", 0, false);
        var allocator = new SetpointAllocator(new AllocatorConfig(0, Duration.ofMinutes(5)));
        allocator.allocate(T0, STEP, List.of(v), LimitTree.of(SITE), Map.of("v", 5.0), Map.of());
        // WHEN the plan changes after 2 and after 5 minutes
        var early = allocator.allocate(T0.plus(Duration.ofMinutes(2)), STEP, List.of(v), LimitTree.of(SITE),
                Map.of("v", 9.0), Map.of());
        var due = allocator.allocate(T0.plus(Duration.ofMinutes(5)), STEP, List.of(v), LimitTree.of(SITE),
                Map.of("v", 9.0), Map.of());
        // THEN
        assertThat(early.setpointsKw().get("v")).isEqualTo(5.0);
        assertThat(due.setpointsKw().get("v")).isEqualTo(9.0);
    }

    @Test
    void allocateShouldOverrideHysteresisWhenTheHeldSetpointWouldBreachTheFloor() {
        // GIVEN a vehicle held at 0 kW for a long interval that reaches its latest-start floor
        var allocator = new SetpointAllocator(new AllocatorConfig(5, Duration.ofHours(1)));
        var v = new VehicleState("v", "s1", 40, 0.5, 0.2, 0.9, Fixtures.at(2), 10, 0, 1.0, 0, false);
        allocator.allocate(T0, STEP, List.of(v), LimitTree.of(SITE), Map.of(), Map.of());
        // WHEN 20 minutes later the floor demands charging (16 kWh missing, 10 kW, 1.6 h left)
        var late = allocator.allocate(T0.plus(Duration.ofMinutes(24)), STEP, List.of(v), LimitTree.of(SITE),
                Map.of(), Map.of());
        // THEN it charges at full power despite the hysteresis
        assertThat(late.setpointsKw().get("v")).isCloseTo(10, within(1e-9));
    }

    @Test
    void allocateShouldReportVehiclesHeldBelowTheirFloorWhenTheSiteCannotCarryThem() {
        // GIVEN two vehicles that must charge at full 11 kW now, and 20 kW of room
        var a = new VehicleState("a", "s1", 40, 0.5, 0.2, 0.9, Fixtures.at(16.0 / 11), 11, 0, 1.0, 0, false);
        var b = new VehicleState("b", "s1", 40, 0.5, 0.2, 0.9, Fixtures.at(16.0 / 11), 11, 0, 1.0, 0, false);
        var allocator = new SetpointAllocator(AllocatorConfig.none());
        // WHEN
        var out = allocator.allocate(T0, STEP, List.of(a, b), LimitTree.of(SITE), Map.of(), Map.of());
        // THEN the site limit holds and the one cut short is reported
        assertThat(out.setpointsKw().get("a") + out.setpointsKw().get("b")).isCloseTo(20, within(1e-9));
        assertThat(out.belowFloor()).hasSize(1);
    }
}
