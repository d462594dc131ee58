package org.gridfleet.aggregator.storage;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes batches of encoded telemetry rows in one transaction per batch. Fast path: each table's rows are
 * COPYed straight into the table. When that hits the row identity (unique violation: a retry after a lost
 * commit, a replayed spill segment, a charger's duplicate), the batch is rolled back and written again
 * through a session-local staging table with {@code INSERT ... ON CONFLICT DO NOTHING}, so each row is
 * kept once.
 * Holds one connection of the pool for its whole life and opens a new one after any failure.
 * Used by one thread only.
 */
final class TelemetryStore implements AutoCloseable {

    /** A hung socket (network partition) fails the batch after this long instead of stalling the writer. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int NETWORK_TIMEOUT_MS = (int) TimeUnit.SECONDS.toMillis(30);

    private final DataSource dataSource;
    private Connection connection;
    private CopyManager copy;

    TelemetryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes all rows or none; rows already present (same identity) are skipped. */
    void write(List<EncodedRow> rows) throws SQLException {
        Map<TelemetryRow.Table, StringBuilder> byTable = new EnumMap<>(TelemetryRow.Table.class);
        for (EncodedRow r : rows) {
            byTable.computeIfAbsent(r.table(), t -> new StringBuilder(rows.size() * 64)).append(r.line()).append('\n');
        }
        Connection c = connection();
        try {
            try {
                for (Map.Entry<TelemetryRow.Table, StringBuilder> e : byTable.entrySet()) {
                    copyIn(e.getKey().sqlName(), e.getKey(), e.getValue());
                }
                c.commit();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback();
                writeSkippingKnownRows(c, byTable);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            closeConnection();
            throw e instanceof SQLException sql ? sql : new SQLException("telemetry COPY failed", "08006", e);
        }
    }

    /** The slow path, for a batch holding rows already written: COPY to staging, insert what is new. */
    private void writeSkippingKnownRows(Connection c, Map<TelemetryRow.Table, StringBuilder> byTable)
            throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            for (Map.Entry<TelemetryRow.Table, StringBuilder> e : byTable.entrySet()) {
                TelemetryRow.Table table = e.getKey();
                String columns = String.join(", ", table.columns());
                copyIn(staging(table), table, e.getValue());
                s.executeUpdate("INSERT INTO " + table.sqlName() + " (" + columns + ") SELECT " + columns
                        + " FROM " + staging(table) + " ON CONFLICT (" + String.join(", ", table.key())
                        + ") DO NOTHING");
            }
            c.commit();
        }
    }

    private void copyIn(String target, TelemetryRow.Table table, StringBuilder lines) throws SQLException, IOException {
        copy.copyIn("COPY " + target + " (" + String.join(", ", table.columns()) + ") FROM STDIN",
                new StringReader(lines.toString()));
    }

    /**
     * True when retrying cannot help: the database refused the data itself (SQLState class 22 data
     * exception, 23 integrity constraint). Anything else (connection lost, shutdown, timeout, missing
     * table) is treated as "database unavailable" and retried, so no row is given up on a transient fault.
     */
    static boolean isBadData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = dataSource.getConnection();
            try {
                c.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MS);
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (TelemetryRow.Table t : TelemetryRow.Table.values()) {
                        s.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging(t) + " (LIKE " + t.sqlName()
                                + ") ON COMMIT DELETE ROWS");
                    }
                }
                c.commit();
                copy = c.unwrap(PGConnection.class).getCopyAPI();
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    private static String staging(TelemetryRow.Table t) {
        return "telemetry_stage_" + t.sqlName();
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        copy = null;
        if (c != null) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is broken anyway; closing returns it to the pool, which discards it
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // as above
            }
        }
    }

    @Override
    public void close() {
        closeConnection();
    }
}
