package org.gridfleet.aggregator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.config.TelemetryConfig;
import org.gridfleet.aggregator.metrics.TelemetryMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The production migrations on a real TimescaleDB: telemetry tables become hypertables and the
 * telemetry writer's inserts land. Skipped (reported as disabled) where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TimescaleStorageIT {

    @Container
    private static final PostgreSQLContainer<?> TIMESCALE = new PostgreSQLContainer<>(
            DockerImageName.parse("timescale/timescaledb:2.17.2-pg16").asCompatibleSubstituteFor("postgres"));

    @Test
    void migrationsShouldCreateHypertablesAndWriterShouldInsertWhenTimescaleIsAvailable() throws Exception {
        try (HikariDataSource ds = Database.pool(TIMESCALE.getJdbcUrl(), TIMESCALE.getUsername(), TIMESCALE.getPassword(),
                2, "public")) {
            // GIVEN
            Database.migrate(ds, "public");
            // WHEN
            TelemetryWriter writer = new TelemetryWriter(ds, TelemetryConfig.DEFAULT, TelemetryMetrics.NOOP);
            writer.offer(new TelemetryRow.SocReading(Instant.parse("2026-01-01T00:00:00Z"), "CP-1", 1, 0.42));
            writer.close(Duration.ofSeconds(10));
            // THEN
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM timescaledb_information.hypertables "
                         + "WHERE hypertable_name IN ('meter_values','soc_readings','setpoints','setpoint_acks','market_signals')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(5);
            }
            assertThat(writer.written()).isEqualTo(1);
        }
    }
}
