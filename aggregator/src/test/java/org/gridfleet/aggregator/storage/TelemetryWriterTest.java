package org.gridfleet.aggregator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.gridfleet.aggregator.config.TelemetryConfig;
import org.gridfleet.aggregator.metrics.MetricNames;
import org.gridfleet.aggregator.metrics.TelemetryMetrics;
import org.gridfleet.aggregator.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TelemetryWriterTest {

    private static final Instant T0 = Instant.parse("2026-07-16T12:00:00Z");
    /** A database that is down: every connection attempt fails as a connection error would. */
    private static final DataSource DOWN = (DataSource) Proxy.newProxyInstance(
            TelemetryWriterTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                if (method.getName().equals("getConnection")) {
                    throw new SQLException("database down", "08001");
                }
                throw new UnsupportedOperationException(method.getName());
            });
    private static HikariDataSource dataSource;

    @TempDir
    Path spillDir;

    @BeforeAll
    static void schema() {
        dataSource = TestDatabase.freshSchema(TelemetryWriterTest.class);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void closeShouldWriteEveryQueuedRowOfEveryTableWhenQueueHasRoom() throws Exception {
        // GIVEN
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TelemetryWriter writer = new TelemetryWriter(dataSource, new TelemetryConfig(10_000, 100, 20),
                TelemetryMetrics.micrometer(meters));
        // WHEN
        for (int i = 0; i < 1000; i++) {
            Instant t = T0.plusSeconds(i);
            writer.offer(new TelemetryRow.MeterValue(t, "CP-1", 1, 7.2, i % 3 == 0 ? null : i * 0.002));
            writer.offer(new TelemetryRow.SocReading(t, "CP-1", 1, 0.5));
            writer.offer(new TelemetryRow.Setpoint(t, "CP-1", 1, -3.5));
            writer.offer(new TelemetryRow.SetpointAck(t, "CP-1", 1, true, i % 2 == 0 ? null : 40L));
            writer.offer(new TelemetryRow.MarketSignal(t, "pjm-regd", 0.25));
        }
        writer.close(Duration.ofSeconds(30));
        // THEN
        assertThat(writer.written()).isEqualTo(5000);
        assertThat(writer.dropped()).isZero();
        assertThat(writer.failed()).isZero();
        for (String table : new String[] {"meter_values", "soc_readings", "setpoints", "setpoint_acks", "market_signals"}) {
            assertThat(count("SELECT count(*) FROM " + table)).as(table).isEqualTo(1000);
        }
        assertThat(count("SELECT count(*) FROM setpoints WHERE power_kw = -3.5")).isEqualTo(1000);
        assertThat(count("SELECT count(*) FROM meter_values WHERE energy_kwh IS NULL")).isEqualTo(334);
        assertThat(count("SELECT count(*) FROM setpoint_acks WHERE latency_ms = 40")).isEqualTo(500);
        assertThat(meters.get(MetricNames.TELEMETRY_ROWS_WRITTEN).tag("table", "soc_readings").counter().count())
                .isEqualTo(1000.0);
    }

    @Test
    void writerShouldKeepEachRowOnceAndEveryCharacterWhenTheSameRowsAreOfferedTwice() throws Exception {
        // GIVEN identities with characters COPY must escape
        String odd = "CP\t\\x\nü";
        TelemetryWriter writer = new TelemetryWriter(dataSource, new TelemetryConfig(1000, 10, 20),
                TelemetryMetrics.NOOP);
        // WHEN every row comes twice, in different batches
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 25; i++) {
                writer.offer(new TelemetryRow.SocReading(T0.plusMillis(i), odd, 2, 0.25));
            }
        }
        writer.close(Duration.ofSeconds(30));
        // THEN
        assertThat(count("SELECT count(*) FROM soc_readings WHERE charger_id = E'CP\\t\\\\x\\nü' AND evse_id = 2"))
                .isEqualTo(25);
    }

    @Test
    void writerShouldCountARowTheDatabaseRefusesAndWriteTheRestOfItsBatch() throws Exception {
        // GIVEN a batch with one row PostgreSQL refuses (text cannot hold a NUL character)
        TelemetryWriter writer = new TelemetryWriter(dataSource, new TelemetryConfig(1000, 100, 200),
                TelemetryMetrics.NOOP);
        // WHEN
        for (int i = 0; i < 10; i++) {
            writer.offer(new TelemetryRow.Setpoint(T0.plusMillis(i), i == 4 ? "CP-\u0000" : "CP-refuse", 1, 1.0));
        }
        writer.close(Duration.ofSeconds(30));
        // THEN the other nine are written, the refused one is counted as failed, not retried forever
        assertThat(count("SELECT count(*) FROM setpoints WHERE charger_id = 'CP-refuse'")).isEqualTo(9);
        assertThat(writer.failed()).isEqualTo(1);
        assertThat(writer.written()).isEqualTo(9);
    }

    @Test
    void offerShouldDropAndCountWhenMemoryIsFullAndNoSpillIsConfigured() {
        // GIVEN a database that is down and no spill
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TelemetryWriter writer = new TelemetryWriter(DOWN, new TelemetryConfig(10, 10, 60_000),
                TelemetryMetrics.micrometer(meters));
        // WHEN far more rows arrive than memory holds
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            accepted += writer.offer(new TelemetryRow.MarketSignal(T0.plusMillis(i), "rte-frequency", 50.0)) ? 1 : 0;
        }
        writer.close(Duration.ofSeconds(10));
        // THEN rows beyond memory (queue 10 + intake, hand-off and flusher batches of 10) are dropped at once,
        // the held ones at close; every drop is counted
        assertThat(accepted).isLessThanOrEqualTo(10 + 3 * 10);
        assertThat(writer.written()).isZero();
        assertThat(writer.dropped()).isEqualTo(1000);
        assertThat(meters.get(MetricNames.TELEMETRY_ROWS_DROPPED).counter().count()).isEqualTo(1000.0);
    }

    @Test
    void writerShouldDropAndCountOnlyWhatFitsNeitherInMemoryNorInTheSpillWhenTheDatabaseIsDown() throws Exception {
        // GIVEN a database that is down, 100 rows of memory and a spill capped at 4 KB
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TelemetryWriter writer = new TelemetryWriter(DOWN,
                new TelemetryConfig(100, 20, 10).withSpill(spillDir, 4096).withRetryMaxMs(50),
                TelemetryMetrics.micrometer(meters));
        // WHEN 2000 rows arrive, a few at a time
        for (int i = 0; i < 2000; i++) {
            writer.offer(new TelemetryRow.MarketSignal(T0.plusMillis(i), "rte-frequency", 50.0));
            if (i % 10 == 9) {
                Thread.sleep(1);
            }
        }
        writer.close(Duration.ofSeconds(10));
        // THEN every row is either on disk or dropped and counted; the spill took all it could
        long onDisk = TelemetrySpill.open(spillDir, 4096).rows();
        assertThat(onDisk).isPositive();
        assertThat(writer.dropped()).isPositive();
        assertThat(onDisk + writer.dropped()).isEqualTo(2000);
        assertThat(meters.get(MetricNames.TELEMETRY_ROWS_DROPPED).counter().count()).isEqualTo(writer.dropped());
        assertThat(meters.get(TelemetryMetrics.TELEMETRY_ROWS_SPILLED).counter().count()).isEqualTo(onDisk);
        long bytes;
        try (Stream<Path> files = Files.list(spillDir)) {
            bytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(bytes).as("rows of about 60 bytes fill the 4 KB cap").isBetween(4096L - 100, 4096L);
    }

    @Test
    void writerShouldKeepCountingDropsWhenTheSpillCannotBeWritten() throws Exception {
        // GIVEN a database that is down and a spill directory that is replaced by a plain file after start
        Path dir = spillDir.resolve("spill");
        TelemetryWriter writer = new TelemetryWriter(DOWN,
                new TelemetryConfig(100, 20, 10).withSpill(dir, 1 << 20).withRetryMaxMs(50), TelemetryMetrics.NOOP);
        Files.delete(dir);
        Files.writeString(dir, "not a directory");
        // WHEN
        for (int i = 0; i < 1000; i++) {
            writer.offer(new TelemetryRow.MarketSignal(T0.plusMillis(i), "rte-frequency", 50.0));
            if (i % 10 == 9) {
                Thread.sleep(1);
            }
        }
        writer.close(Duration.ofSeconds(10));
        // THEN the intake thread went on: every row is counted as dropped, none sits unaccounted in memory
        assertThat(writer.dropped()).isEqualTo(1000);
        assertThat(writer.queued()).isZero();
    }

    private static long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
