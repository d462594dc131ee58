package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Safety invariants of the real-time allocation, driven through the in-test {@link Plant} over generated fleets
 * with random plans and random site targets (the worst a schedule or a grid service could ask).
 */
class AllocatorProperties {

    private static final Tariff TARIFF = Fixtures.flat(0.2, 0);

    @Property(tries = 2000)
    void allocateShouldMeetEveryFeasibleTargetWhenSitesAreAmple(@ForAll long seed) {
        // GIVEN a fleet whose sites can carry every charger at full power
        RandomFleet fleet = RandomFleet.generate(seed, 12, true);
        // WHEN the allocator follows random plans and targets until everyone has left (the plant checks limits)
        Plant.Outcome out = runAllocator(fleet, seed);
        // THEN every vehicle that could reach its target on arrival did
        List<String> feasible = feasibleOnArrival(fleet);
        assertThat(feasible).noneMatch(out.missedTarget()::contains);
        assertThat(out.reported()).containsAll(out.missedTarget());
    }

    @Property(tries = 2000)
    void allocateShouldNeverBreachALimitAndReportEveryMissWhenLimitsAreTight(@ForAll long seed) {
        // GIVEN a fleet whose site and group limits cannot carry every charger at once
        RandomFleet fleet = RandomFleet.generate(seed, 12, false);
        // WHEN (the plant asserts limits, reserve and power bounds on every step)
        Plant.Outcome out = runAllocator(fleet, seed);
        // THEN no target is missed silently
        assertThat(out.reported()).containsAll(out.missedTarget());
    }

    @Property(tries = 2000)
    void allocateShouldTakePowerFromLostTargetsFirstWhenFloorsCollide(@ForAll long seed) {
        // GIVEN a fleet under tight limits, some of whose targets are already out of reach
        RandomFleet fleet = RandomFleet.generate(seed, 12, false);
        LimitTree tree = fleet.tree();
        Duration step = Duration.ofMinutes(5);
        // WHEN one step is allocated on plans of full power
        Map<String, Double> plan = new HashMap<>();
        fleet.vehicles().forEach(v -> plan.put(v.vehicleId(), v.maxChargeKw()));
        Allocation a = new SetpointAllocator(AllocatorConfig.none()).allocate(Fixtures.T0, step, fleet.vehicles(),
                tree, plan, Map.of());
        // THEN a vehicle that can still make its target is held below its floor only by a full limit under which
        // no non-urgent vehicle with a lost target still draws more than its least power
        double[] load = new double[tree.size()];
        for (VehicleState v : fleet.vehicles()) {
            for (int nd = tree.nodeOf(v); nd >= 0; nd = tree.parent(nd)) {
                load[nd] += a.setpointsKw().get(v.vehicleId());
            }
        }
        for (VehicleState r : fleet.vehicles()) {
            if (!a.belowFloor().contains(r.vehicleId()) || targetLost(r)) {
                continue;
            }
            boolean heldByACleanLimit = false;
            for (int nd = tree.nodeOf(r); nd >= 0 && !heldByACleanLimit; nd = tree.parent(nd)) {
                heldByACleanLimit = load[nd] >= tree.evCapacityKw(nd) - 1e-6
                        && lostTargetsDrawing(fleet, tree, nd, a, step).isEmpty();
            }
            assertThat(heldByACleanLimit).as("%s below its floor", r.vehicleId()).isTrue();
        }
    }

    /** Non-urgent vehicles under {@code node} whose target is lost and that draw more than their least power. */
    private static List<String> lostTargetsDrawing(RandomFleet fleet, LimitTree tree, int node, Allocation a,
                                                   Duration step) {
        List<String> out = new ArrayList<>();
        for (VehicleState u : fleet.vehicles()) {
            if (!u.urgent() && targetLost(u) && under(tree, u, node) && a.setpointsKw().get(u.vehicleId())
                    > VehicleEnvelope.range(u, Fixtures.T0, step).hardMinKw() + 1e-6) {
                out.add(u.vehicleId());
            }
        }
        return out;
    }

    /** Whether full power from now on no longer reaches the target by departure. */
    private static boolean targetLost(VehicleState v) {
        double hours = VehicleEnvelope.hoursBetween(Fixtures.T0, v.departure());
        return v.energyKwh() + v.maxChargeKw() * v.efficiency() * hours < VehicleEnvelope.targetKwh(v) - 1e-6;
    }

    private static boolean under(LimitTree tree, VehicleState v, int node) {
        for (int nd = tree.nodeOf(v); nd >= 0; nd = tree.parent(nd)) {
            if (nd == node) {
                return true;
            }
        }
        return false;
    }

    private static Plant.Outcome runAllocator(RandomFleet fleet, long seed) {
        Random rnd = new Random(~seed);
        SetpointAllocator allocator = new SetpointAllocator(
                new AllocatorConfig(rnd.nextDouble() * 2, Duration.ofSeconds(rnd.nextInt(900))));
        LimitTree tree = fleet.tree();
        return Plant.run(fleet.vehicles(), fleet.sites(), tree, TARIFF, Duration.ofMinutes(5), in -> {
            Map<String, Double> plan = new HashMap<>();
            for (VehicleState v : in.vehicles()) {
                plan.put(v.vehicleId(), -v.maxDischargeKw() + rnd.nextDouble() * (v.maxChargeKw()
                        + v.maxDischargeKw()));
            }
            Map<String, Double> targets = new HashMap<>();
            for (String site : in.sites().keySet()) {
                if (rnd.nextBoolean()) {
                    targets.put(site, (rnd.nextDouble() - 0.3) * 200);
                }
            }
            Allocation a = allocator.allocate(in.now(), in.step(), in.vehicles(), tree, plan, targets);
            List<String> unreachable = new ArrayList<>();
            for (VehicleState v : in.vehicles()) {
                if (!VehicleEnvelope.targetReachable(v, in.now())) {
                    unreachable.add(v.vehicleId());
                }
            }
            return new ControlStep(a.setpointsKw(), unreachable, a.belowFloor(), false, List.of());
        });
    }

    static List<String> feasibleOnArrival(RandomFleet fleet) {
        return fleet.vehicles().stream().filter(v -> VehicleEnvelope.targetReachable(v, Fixtures.T0))
                .map(VehicleState::vehicleId).toList();
    }
}
