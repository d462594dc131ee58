package org.gridfleet.aggregator.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL of its own that a test can stop and start again: fixed data directory (the data
 * survives) and fixed port (pools keep their URL and reconnect when it is back).
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres running;

    public RestartablePostgres(Path dataDirectory) throws IOException {
        this.dataDirectory = dataDirectory;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        start();
    }

    public void start() throws IOException {
        running = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    /** Fast shutdown: open sessions are terminated, as in a database crash or failover. */
    public void stop() throws IOException {
        running.close();
        running = null;
    }

    /** The fixed port, for a JDBC URL that outlives restarts. */
    public int port() {
        return port;
    }

    /**
     * A pool on a fresh, migrated schema; connection attempts give up after 250 ms (the shortest Hikari
     * allows) so that an outage shows quickly. Autovacuum is off on the telemetry tables so physical row
     * order stays insertion order, which the tests read back.
     */
    HikariDataSource pool(String schema) throws SQLException {
        try (Connection c = running.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        HikariDataSource ds = Database.pool("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "", 4,
                schema);
        Database.migrate(ds, schema);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (TelemetryRow.Table t : TelemetryRow.Table.values()) {
                s.execute("ALTER TABLE " + t.sqlName() + " SET (autovacuum_enabled = false)");
            }
        }
        ds.setConnectionTimeout(250);
        return ds;
    }

    @Override
    public void close() throws IOException {
        if (running != null) {
            stop();
        }
    }
}
