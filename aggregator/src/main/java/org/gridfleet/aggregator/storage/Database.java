package org.gridfleet.aggregator.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gridfleet.aggregator.config.DatabaseConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's database: a pooled {@link DataSource} on an external PostgreSQL, or on an embedded
 * PostgreSQL whose data directory lives under {@code GRIDFLEET_HOME/pgdata} and survives restarts.
 * Migrations (Flyway, {@code db/migration}) run on open.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** How long an orphaned embedded server gets to shut down before it is killed. */
    private static final Duration ORPHAN_PATIENCE = Duration.ofSeconds(20);

    private final HikariDataSource pool;
    private final Optional<EmbeddedPostgres> embedded;

    private Database(HikariDataSource pool, Optional<EmbeddedPostgres> embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /** Opens the configured database (starting the embedded one if no URL is set) and migrates it. */
    public static Database open(DatabaseConfig config, Path home) {
        Optional<EmbeddedPostgres> embedded = Optional.empty();
        String url;
        String user = config.user();
        String password = config.password();
        if (config.url().isPresent()) {
            url = config.url().get();
        } else {
            embedded = Optional.of(startEmbedded(home, config.embeddedPort()));
            url = "jdbc:postgresql://localhost:" + embedded.get().getPort() + "/postgres";
            user = "postgres";
            password = "";
        }
        try {
            HikariDataSource pool = pool(url, user, password, config.poolSize(), null);
            migrate(pool, "public");
            return new Database(pool, embedded);
        } catch (RuntimeException e) {
            embedded.ifPresent(Database::closeQuietly);
            throw e;
        }
    }

    /** Runs the production migrations into {@code schema}, creating it if needed. */
    public static void migrate(DataSource dataSource, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** A Hikari pool; {@code schema} (nullable) becomes each connection's current schema. */
    public static HikariDataSource pool(String url, String user, String password, int size, String schema) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        hc.setPoolName("gridfleet");
        if (schema != null) {
            hc.setSchema(schema);
        }
        return new HikariDataSource(hc);
    }

    private static EmbeddedPostgres startEmbedded(Path home, int port) {
        Path dataDir = home.resolve("pgdata");
        try {
            Files.createDirectories(dataDir);
            stopOrphanedEmbedded(home);
            LOG.info("starting embedded PostgreSQL in {} on port {}", dataDir, port);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * Stops the embedded PostgreSQL of {@code home} if a killed Gridfleet left it running (see
     * {@link OrphanPostmaster}); {@link #open} does it too, call it earlier to free the port before checking it.
     */
    public static void stopOrphanedEmbedded(Path home) {
        Path dataDir = home.resolve("pgdata");
        if (Files.isDirectory(dataDir)) {
            OrphanPostmaster.stopIfAny(dataDir, ORPHAN_PATIENCE);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Closes the pool, then stops the embedded PostgreSQL if this process started it. */
    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(Database::closeQuietly);
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
