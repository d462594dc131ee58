package org.gridfleet.aggregator.storage;

import java.util.Objects;

/**
 * A telemetry row as its table and its COPY text line: the form rows take on their way to the database
 * and in the spill file.
 */
record EncodedRow(TelemetryRow.Table table, String line) {

    EncodedRow {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(line, "line");
    }

    static EncodedRow of(TelemetryRow row, StringBuilder scratch) {
        scratch.setLength(0);
        row.appendCopyText(scratch);
        return new EncodedRow(row.table(), scratch.toString());
    }
}
