package org.gridfleet.aggregator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/** What the telemetry writer reports. */
public interface TelemetryMetrics {

    TelemetryMetrics NOOP = new TelemetryMetrics() {
        @Override
        public void queued(String table) {
        }

        @Override
        public void written(String table, int rows) {
        }

        @Override
        public void dropped() {
        }

        @Override
        public void failed(int rows) {
        }

        @Override
        public void flushed(Duration took) {
        }

        @Override
        public void queueDepth(IntSupplier depth) {
        }
    };

    void queued(String table);

    void written(String table, int rows);

    void dropped();

    void failed(int rows);

    void flushed(Duration took);

    /** Registers the live queue depth. */
    void queueDepth(IntSupplier depth);

    /** Micrometer-backed implementation. */
    static TelemetryMetrics micrometer(MeterRegistry registry) {
        return new Micrometer(registry);
    }

    /** Counters per table are created once and cached, so the write path does not look them up by name. */
    final class Micrometer implements TelemetryMetrics {
        private final MeterRegistry registry;
        private final Map<String, Counter> queued = new ConcurrentHashMap<>();
        private final Map<String, Counter> written = new ConcurrentHashMap<>();
        private final Counter dropped;
        private final Counter failed;
        private final Timer flush;

        private Micrometer(MeterRegistry registry) {
            this.registry = registry;
            this.dropped = Counter.builder(MetricNames.TELEMETRY_ROWS_DROPPED).register(registry);
            this.failed = Counter.builder(MetricNames.TELEMETRY_ROWS_FAILED).register(registry);
            this.flush = Timer.builder(MetricNames.TELEMETRY_FLUSH).register(registry);
        }

        @Override
        public void queued(String table) {
            queued.computeIfAbsent(table, t -> Counter.builder(MetricNames.TELEMETRY_ROWS_QUEUED).tag("table", t)
                    .register(registry)).increment();
        }

        @Override
        public void written(String table, int rows) {
            written.computeIfAbsent(table, t -> Counter.builder(MetricNames.TELEMETRY_ROWS_WRITTEN).tag("table", t)
                    .register(registry)).increment(rows);
        }

        @Override
        public void dropped() {
            dropped.increment();
        }

        @Override
        public void failed(int rows) {
            failed.increment(rows);
        }

        @Override
        public void flushed(Duration took) {
            flush.record(took);
        }

        @Override
        public void queueDepth(IntSupplier depth) {
            Gauge.builder(MetricNames.TELEMETRY_QUEUE_DEPTH, depth::getAsInt).register(registry);
        }
    }
}
