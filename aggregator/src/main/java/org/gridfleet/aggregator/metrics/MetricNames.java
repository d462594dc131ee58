package org.gridfleet.aggregator.metrics;

/**
 * Every metric name Gridfleet registers. Prometheus shows them with dots as underscores
 * (e.g. {@code gridfleet_telemetry_rows_written_total}); the dashboards in {@code ops/} use only these.
 */
public final class MetricNames {

    /** Counter: telemetry rows accepted into the writer's queue; tag {@code table}. */
    public static final String TELEMETRY_ROWS_QUEUED = "gridfleet.telemetry.rows.queued";
    /** Counter: telemetry rows written to the database; tag {@code table}. */
    public static final String TELEMETRY_ROWS_WRITTEN = "gridfleet.telemetry.rows.written";
    /** Counter: telemetry rows dropped because the queue was full. */
    public static final String TELEMETRY_ROWS_DROPPED = "gridfleet.telemetry.rows.dropped";
    /** Counter: telemetry rows lost because their batch insert failed. */
    public static final String TELEMETRY_ROWS_FAILED = "gridfleet.telemetry.rows.failed";
    /** Gauge: rows waiting in the writer's queue. */
    public static final String TELEMETRY_QUEUE_DEPTH = "gridfleet.telemetry.queue.depth";
    /** Timer: duration of one batch flush. */
    public static final String TELEMETRY_FLUSH = "gridfleet.telemetry.flush";
    /** Gauge: 1 when the database answered the last readiness check, else 0. */
    public static final String DATABASE_UP = "gridfleet.database.up";

    private MetricNames() {
    }
}
