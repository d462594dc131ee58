package org.gridfleet.aggregator.storage;

import java.util.Objects;

/**
 * What the telemetry writer holds that is not yet in the database, for readiness and dashboards.
 *
 * @param state       the writer's state
 * @param memoryRows  rows held in memory
 * @param spilledRows rows in the spill file on local disk
 * @param droppedRows rows given up since start (memory and spill full, or shut down unreachable)
 */
public record TelemetryBacklog(TelemetryWriter.State state, long memoryRows, long spilledRows, long droppedRows) {

    public TelemetryBacklog {
        Objects.requireNonNull(state, "state");
    }

    public long bufferedRows() {
        return memoryRows + spilledRows;
    }

    /** For humans, e.g. {@code telemetry buffered: 1200 rows (200 in memory, 1000 spilled)}. */
    public String describe() {
        String s = "telemetry buffered: " + bufferedRows() + " rows (" + memoryRows + " in memory, " + spilledRows
                + " spilled)";
        return droppedRows == 0 ? s : s + "; " + droppedRows + " rows dropped since start";
    }
}
