package org.gridfleet.aggregator.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridfleet.aggregator.metrics.MetricNames;

/** What the live control loop reports about each tick. */
public interface ControlMetrics {

    ControlMetrics NOOP = new ControlMetrics() {
        @Override
        public void ticked(long nanos, int steeredVehicles) {
        }

        @Override
        public void tickFailed() {
        }

        @Override
        public void scheduleUnsolved(int sites) {
        }
    };

    /** A tick completed in {@code nanos} with {@code steeredVehicles} vehicles under control. */
    void ticked(long nanos, int steeredVehicles);

    /** A tick threw; the next one starts afresh. */
    void tickFailed();

    /** A tick's schedule LP found no solution for {@code sites} sites (they run on floors and limits alone). */
    void scheduleUnsolved(int sites);

    static ControlMetrics micrometer(MeterRegistry registry) {
        Timer tick = Timer.builder(MetricNames.CONTROL_TICK).publishPercentileHistogram().register(registry);
        Counter failures = Counter.builder(MetricNames.CONTROL_TICK_FAILURES).register(registry);
        Counter unsolved = Counter.builder(MetricNames.CONTROL_SCHEDULE_UNSOLVED).register(registry);
        AtomicInteger vehicles = new AtomicInteger();
        Gauge.builder(MetricNames.CONTROL_VEHICLES, vehicles::get).register(registry);
        return new ControlMetrics() {
            @Override
            public void ticked(long nanos, int steeredVehicles) {
                tick.record(nanos, TimeUnit.NANOSECONDS);
                vehicles.set(steeredVehicles);
            }

            @Override
            public void tickFailed() {
                failures.increment();
            }

            @Override
            public void scheduleUnsolved(int sites) {
                unsolved.increment(sites);
            }
        };
    }
}
