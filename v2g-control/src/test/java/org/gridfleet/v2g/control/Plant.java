package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An in-test plant: applies setpoints to each vehicle's SoC with its efficiency, step by step until every vehicle
 * has left, and checks the safety invariants on every step.
 */
final class Plant {

    private static final double EPS_KWH = 1e-6;
    private static final double EPS_KW = 1e-6;

    /** What a run produced: vehicles that left short of their target, and vehicles ever reported at risk. */
    record Outcome(Set<String> missedTarget, Set<String> reported, int steps) {
    }

    private Plant() {
    }

    /**
     * @param decide the controller under test: from the input of one step to its setpoints and the vehicles it
     *     reported (unreachable or below floor)
     */
    static Outcome run(List<VehicleState> fleet, Map<String, SiteState> sites, LimitTree tree, Tariff tariff,
                       Duration step, Function<ControlInput, ControlStep> decide) {
        return runVisits(fleet.stream().map(v -> new PlannedVehicle(v, Fixtures.T0)).toList(), sites, tree, tariff,
                step, decide);
    }

    /** As {@link #run}, but each vehicle plugs in at its arrival (in its state as it arrives). */
    static Outcome runVisits(List<PlannedVehicle> visits, Map<String, SiteState> sites, LimitTree tree,
                             Tariff tariff, Duration step, Function<ControlInput, ControlStep> decide) {
        List<PlannedVehicle> waiting = new ArrayList<>(visits);
        List<VehicleState> present = new ArrayList<>();
        Set<String> missed = new HashSet<>();
        Set<String> reported = new HashSet<>();
        Instant now = Fixtures.T0;
        int steps = 0;
        while (!present.isEmpty() || !waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                PlannedVehicle pv = it.next();
                if (!pv.arrival().isAfter(now)) {
                    present.add(pv.state());
                    it.remove();
                }
            }
            ControlStep out = decide.apply(new ControlInput(now, step, present, sites, tariff, Map.of()));
            reported.addAll(out.unreachableTargets());
            reported.addAll(out.belowFloor());
            assertLimits(present, tree, out.setpointsKw());
            List<VehicleState> next = new ArrayList<>();
            for (VehicleState v : present) {
                double p = out.setpointsKw().getOrDefault(v.vehicleId(), 0.0);
                assertThat(p).as("power of %s", v.vehicleId())
                        .isBetween(-v.maxDischargeKw() - EPS_KW, v.maxChargeKw() + EPS_KW);
                Instant end = now.plus(step).isAfter(v.departure()) ? v.departure() : now.plus(step);
                double hours = Duration.between(now, end).toMillis() / 3_600_000.0;
                double energy = v.energyKwh() + VehicleEnvelope.batteryDeltaKwh(p, v.efficiency(), hours);
                double reserve = VehicleEnvelope.reserveKwh(v);
                if (v.energyKwh() >= reserve - EPS_KWH) {
                    assertThat(energy).as("energy of %s vs reserve", v.vehicleId()).isGreaterThan(reserve - EPS_KWH);
                }
                // the last step may fill the battery up to the lag allowance early (the EV stops at full)
                double lastStepFillKwh = end.equals(v.departure())
                        ? v.maxChargeKw() * v.efficiency() * VehicleEnvelope.LAG_ALLOWANCE_HOURS : 0;
                assertThat(energy).as("energy of %s vs full", v.vehicleId())
                        .isLessThan(v.batteryKwh() + lastStepFillKwh + EPS_KWH);
                energy = Math.min(energy, v.batteryKwh());
                VehicleState moved = v.withEnergyKwh(energy);
                if (end.equals(v.departure())) {
                    if (energy < VehicleEnvelope.targetKwh(v) - 1e-4) {
                        missed.add(v.vehicleId());
                    }
                } else {
                    next.add(moved);
                }
            }
            present = next;
            now = now.plus(step);
            steps++;
        }
        return new Outcome(missed, reported, steps);
    }

    private static void assertLimits(List<VehicleState> present, LimitTree tree, Map<String, Double> setpoints) {
        double[] load = new double[tree.size()];
        for (VehicleState v : present) {
            double p = setpoints.getOrDefault(v.vehicleId(), 0.0);
            for (int nd = tree.nodeOf(v); nd >= 0; nd = tree.parent(nd)) {
                load[nd] += p;
            }
        }
        for (int nd = 0; nd < load.length; nd++) {
            assertThat(load[nd]).as("EV load on %s", tree.nodeId(nd))
                    .isLessThanOrEqualTo(tree.evCapacityKw(nd) + EPS_KW);
        }
    }
}
