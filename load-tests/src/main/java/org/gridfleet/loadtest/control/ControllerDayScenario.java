package org.gridfleet.loadtest.control;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.ControlStep;
import org.gridfleet.v2g.control.PriceCurve;
import org.gridfleet.v2g.control.ScheduledController;
import org.gridfleet.v2g.control.ScheduledControllerConfig;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.Tariff;
import org.gridfleet.v2g.control.VehicleEnvelope;
import org.gridfleet.v2g.control.VehicleState;

/**
 * Runs the {@link ScheduledController} over one simulated day at 60 s steps and prints the wall time.
 * Usage: {@code load-tests/bench run org.gridfleet.loadtest.control.ControllerDayScenario [vehicles]
 * [aggregateAbove] [minResolveGapMinutes] [departureBucketMinutes]}
 */
public final class ControllerDayScenario {

    private ControllerDayScenario() {
    }

    public static void main(String[] args) {
        int vehicles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int aggregateAbove = args.length > 1 ? Integer.parseInt(args[1])
                : ScheduledControllerConfig.DEFAULT_AGGREGATE_ABOVE;
        Instant day = Instant.parse("2026-01-05T00:00:00Z");
        Map<String, SiteState> sites = SyntheticFleet.sites(vehicles);
        List<SyntheticFleet.Visit> visits = SyntheticFleet.visits(vehicles, day, 42);
        Tariff tariff = new Tariff(new PriceCurve(List.of(new PriceCurve.Step(day, 0.12),
                new PriceCurve.Step(day.plus(Duration.ofHours(7)), 0.30),
                new PriceCurve.Step(day.plus(Duration.ofHours(11)), 0.18),
                new PriceCurve.Step(day.plus(Duration.ofHours(17)), 0.35),
                new PriceCurve.Step(day.plus(Duration.ofHours(21)), 0.12))), PriceCurve.constant(0.10), 10);
        ScheduledControllerConfig d = ScheduledControllerConfig.ofDefaults();
        Duration gap = args.length > 2 ? Duration.ofMinutes(Long.parseLong(args[2])) : d.minResolveGap();
        Duration bucket = args.length > 3 ? Duration.ofMinutes(Long.parseLong(args[3])) : d.departureBucket();
        var config = new ScheduledControllerConfig(d.lpStep(), d.horizon(), d.resolveEvery(), gap, bucket,
                aggregateAbove, d.allocator(), List.of(), Map.of(), Map.of(), d.defaultPreference(),
                d.carbonCostPerKwh());
        ScheduledController controller = new ScheduledController(config);
        Duration step = Duration.ofSeconds(60);
        List<VehicleState> present = new ArrayList<>();
        int next = 0;
        visits.sort((a, b) -> a.arrival().compareTo(b.arrival()));
        int solves = 0;
        int missed = 0;
        long t0 = System.nanoTime();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (Instant now = day; now.isBefore(day.plus(Duration.ofDays(1))); now = now.plus(step)) {
            while (next < visits.size() && !visits.get(next).arrival().isAfter(now)) {
                present.add(visits.get(next++).state());
            }
            ControlStep out = controller.step(new ControlInput(now, step, present, sites, tariff, Map.of()));
            solves += out.resolved() ? 1 : 0;
            List<VehicleState> stay = new ArrayList<>(present.size());
            for (VehicleState v : present) {
                double p = out.setpointsKw().getOrDefault(v.vehicleId(), 0.0);
                double hours = step.toSeconds() / 3600.0;
                double energy = v.energyKwh() + VehicleEnvelope.batteryDeltaKwh(p, v.efficiency(), hours);
                VehicleState moved = v.withEnergyKwh(energy);
                if (now.plus(step).isBefore(moved.departure())) {
                    stay.add(moved);
                } else if (moved.soc() < moved.targetSoc() - 1e-4) {
                    missed++;
                }
            }
            present = stay;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        long unreachableOnArrival = visits.stream().filter(v -> v.state().energyKwh() < v.state().targetSoc()
                * v.state().batteryKwh() - v.state().maxChargeKw() * v.state().efficiency()
                * Duration.between(v.arrival(), v.state().departure()).toSeconds() / 3600.0).count();
        System.out.printf("vehicles=%d aggregateAbove=%d minResolveGap=%s departureBucket=%s steps=1440 "
                + "stepsWithLpSolve=%d missedTargets=%d unreachableOnArrival=%d wallSeconds=%.2f threadCpuSeconds=%.2f%n", vehicles,
                aggregateAbove, gap, bucket, solves, missed, unreachableOnArrival, seconds, cpuSeconds);
    }
}
