package org.gridfleet.loadtest.dispatch;

import org.gridfleet.aggregator.dispatch.ActiveObligation;
import org.gridfleet.aggregator.dispatch.DispatchConfig;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.dispatch.DispatchRecord;
import org.gridfleet.aggregator.dispatch.Dispatcher;
import org.gridfleet.aggregator.dispatch.FleetSnapshot;
import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.aggregator.dispatch.SocBalancing;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.fcr.FcrDroop;
import org.gridfleet.v2g.control.VehicleState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One dispatcher tick per RegD sample, in process: signal in → fleet request → split over 100-van sites →
 * allocation → changed setpoints handed to a sink that is also the meter (chargers follow at once). The fleet holds
 * a regulation award of 10 % of its charge power; the signal is a bounded random walk stepping like RegD.
 * Sample mode gives the p99. Run: {@code load-tests/bench jmh DispatcherBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DispatcherBenchmark {

    @Param({"10000", "100000"})
    public int vehicles;

    private static final Duration TICK = Duration.ofSeconds(2);

    private final Instant start = Instant.parse("2026-01-15T22:00:00Z");
    private final Random rnd = new Random(11);
    private SettableClock clock;
    private Dispatcher dispatcher;
    private FleetSnapshot fleet;
    private double signal;

    @Setup
    public void setUp() {
        clock = new SettableClock(start);
        List<VehicleState> vans = DepotFleet.vans(vehicles, start, 5);
        Map<String, Double> metered = new HashMap<>(vehicles * 2);
        fleet = FleetSnapshot.of(vans, DepotFleet.sites(vehicles), Map.of(), metered);
        dispatcher = new Dispatcher(DispatchConfig.ofDefaults(), SocBalancing.ofDefaults(), metered::put,
                DispatchMetrics.NOOP, clock, System::nanoTime);
        DeliveryPeriod day = DeliveryPeriod.of(start, Duration.ofDays(1));
        dispatcher.activate(new ActiveObligation("regd", ProductKind.REGULATION, 0.1 * vehicles * DepotFleet.VAN_KW,
                Baseline.flat(day, 0), day, FcrDroop.ofDefaults()));
    }

    @Benchmark
    public DispatchRecord tick() {
        clock.advance(TICK);
        signal = Math.max(-1, Math.min(1, signal + 0.1 * (rnd.nextDouble() - 0.5)));
        return dispatcher.onSignal("regd", signal, fleet);
    }
}
