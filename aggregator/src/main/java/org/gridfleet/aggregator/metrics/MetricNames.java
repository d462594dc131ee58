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
    /** Gauge: chargers connected over OCPP with an accepted BootNotification. */
    public static final String OCPP_CHARGERS_ONLINE = "gridfleet.ocpp.chargers.online";
    /** Counter: setpoints and limits put on the wire to chargers. */
    public static final String OCPP_SETPOINTS_SENT = "gridfleet.ocpp.setpoints.sent";
    /** Counter: setpoints and limits a charger answered Accepted. */
    public static final String OCPP_SETPOINTS_ACKED = "gridfleet.ocpp.setpoints.acked";
    /** Counter: setpoints and limits not taken; tag {@code status} (rejected, timed_out, offline, ...). */
    public static final String OCPP_SETPOINTS_FAILED = "gridfleet.ocpp.setpoints.failed";
    /** Gauge: plugged-in sessions matched to a registered vehicle and steered by the control loop. */
    public static final String CONTROL_VEHICLES = "gridfleet.control.vehicles";
    /** Timer: one live control tick (fleet state to setpoints handed to the gateway). */
    public static final String CONTROL_TICK = "gridfleet.control.tick";
    /** Counter: control ticks that failed; the next tick starts afresh. */
    public static final String CONTROL_TICK_FAILURES = "gridfleet.control.tick.failures";
    /**
     * Counter: sites whose schedule LP found no solution in a tick; they run on latest-start floors and limits
     * alone until their next solve.
     */
    public static final String CONTROL_SCHEDULE_UNSOLVED = "gridfleet.control.schedule.unsolved";

    private MetricNames() {
    }
}
