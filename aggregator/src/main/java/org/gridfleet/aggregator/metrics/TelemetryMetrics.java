package org.gridfleet.aggregator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** What the telemetry writer reports. */
public interface TelemetryMetrics {

    /** Counter: telemetry rows moved from memory to the spill file. */
    String TELEMETRY_ROWS_SPILLED = "gridfleet.telemetry.rows.spilled";
    /** Gauge: telemetry rows in the spill file waiting for the database. */
    String TELEMETRY_SPILL_DEPTH = "gridfleet.telemetry.spill.depth";

    TelemetryMetrics NOOP = new TelemetryMetrics() {
        @Override
        public void queued(String table) {
        }

        @Override
        public void written(String table, int rows) {
        }

        @Override
        public void dropped(int rows) {
        }

        @Override
        public void failed(int rows) {
        }

        @Override
        public void spilled(int rows) {
        }

        @Override
        public void flushed(Duration took) {
        }

        @Override
        public void queueDepth(IntSupplier depth) {
        }

        @Override
        public void spillDepth(LongSupplier depth) {
        }
    };

    void queued(String table);

    void written(String table, int rows);

    /** Rows given up: memory full, spill full, or shut down while the database was unreachable. */
    void dropped(int rows);

    /** Rows the database refused as invalid (data or constraint errors); retrying cannot help them. */
    void failed(int rows);

    void spilled(int rows);

    void flushed(Duration took);

    /** Registers the live number of rows held in memory. */
    void queueDepth(IntSupplier depth);

    /** Registers the live number of rows in the spill file. */
    void spillDepth(LongSupplier depth);

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
        private final Counter spilled;
        private final Timer flush;

        private Micrometer(MeterRegistry registry) {
            this.registry = registry;
            this.dropped = Counter.builder(MetricNames.TELEMETRY_ROWS_DROPPED).register(registry);
            this.failed = Counter.builder(MetricNames.TELEMETRY_ROWS_FAILED).register(registry);
            this.spilled = Counter.builder(TELEMETRY_ROWS_SPILLED).register(registry);
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
        public void dropped(int rows) {
            dropped.increment(rows);
        }

        @Override
        public void failed(int rows) {
            failed.increment(rows);
        }

        @Override
        public void spilled(int rows) {
            spilled.increment(rows);
        }

        @Override
        public void flushed(Duration took) {
            flush.record(took);
        }

        @Override
        public void queueDepth(IntSupplier depth) {
            Gauge.builder(MetricNames.TELEMETRY_QUEUE_DEPTH, depth::getAsInt).register(registry);
        }

        @Override
        public void spillDepth(LongSupplier depth) {
            Gauge.builder(TELEMETRY_SPILL_DEPTH, depth::getAsLong).register(registry);
        }
    }
}
