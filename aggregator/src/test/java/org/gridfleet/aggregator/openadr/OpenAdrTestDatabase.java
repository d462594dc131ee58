package org.gridfleet.aggregator.openadr;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One embedded PostgreSQL per test JVM and a fresh schema per test class, migrated by Flyway from the
 * production migrations ({@code classpath:db/migration}). Close the returned pool in {@code @AfterAll}.
 */
public final class OpenAdrTestDatabase {

    private static EmbeddedPostgres postgres;

    private OpenAdrTestDatabase() {
    }

    public static synchronized HikariDataSource freshSchema() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        String schema = "openadr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        Flyway.configure().dataSource(admin).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").load().migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
