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
    };

    /** A tick completed in {@code nanos} with {@code steeredVehicles} vehicles under control. */
    void ticked(long nanos, int steeredVehicles);

    /** A tick threw; the next one starts afresh. */
    void tickFailed();

    static ControlMetrics micrometer(MeterRegistry registry) {
        Timer tick = Timer.builder(MetricNames.CONTROL_TICK).publishPercentileHistogram().register(registry);
        Counter failures = Counter.builder(MetricNames.CONTROL_TICK_FAILURES).register(registry);
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
        };
    }
}
