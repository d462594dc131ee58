package org.gridfleet.loadtest.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridfleet.v2g.control.AllocatorConfig;
import org.gridfleet.v2g.control.Allocation;
import org.gridfleet.v2g.control.LimitTree;
import org.gridfleet.v2g.control.SetpointAllocator;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One real-time allocation step (ranges, two sorts, limits, hysteresis) for the whole fleet, with every site
 * following a grid-service target. Run: {@code load-tests/bench jmh AllocatorBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AllocatorBenchmark {

    @Param({"1000", "10000", "100000"})
    public int vehicles;

    private final Instant now = Instant.parse("2026-01-05T08:00:00Z");
    private final Duration step = Duration.ofSeconds(4);
    private List<VehicleState> fleet;
    private LimitTree tree;
    private Map<String, Double> planned;
    private Map<String, Double> siteTargets;
    private SetpointAllocator allocator;

    @Setup
    public void setUp() {
        Map<String, SiteState> sites = SyntheticFleet.sites(vehicles);
        fleet = new ArrayList<>(vehicles);
        planned = new HashMap<>();
        for (SyntheticFleet.Visit visit : SyntheticFleet.visits(vehicles, now.minus(Duration.ofHours(12)), 7)) {
            fleet.add(visit.state());
            planned.put(visit.state().vehicleId(), visit.state().maxChargeKw() / 2);
        }
        tree = LimitTree.of(sites);
        siteTargets = new HashMap<>();
        sites.keySet().forEach(id -> siteTargets.put(id, 100.0));
        allocator = new SetpointAllocator(AllocatorConfig.ofDefaults());
    }

    @Benchmark
    public Allocation allocate() {
        return allocator.allocate(now, step, fleet, tree, planned, siteTargets);
    }
}
