package org.gridfleet.aggregator.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridfleet.aggregator.storage.Database;

/**
 * One embedded PostgreSQL per test JVM, started on first use; each test class gets its own
 * schema migrated by the production Flyway migrations.
 */
public final class TestDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres pg = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return postgres;
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres().getPort() + "/postgres";
    }

    /** A pool on a fresh, migrated schema named after {@code testClass}. */
    public static HikariDataSource freshSchema(Class<?> testClass) {
        String schema = (testClass.getSimpleName() + "_" + SCHEMAS.incrementAndGet()).toLowerCase(Locale.ROOT);
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        HikariDataSource ds = Database.pool(jdbcUrl(), "postgres", "", 4, schema);
        Database.migrate(ds, schema);
        return ds;
    }
}
