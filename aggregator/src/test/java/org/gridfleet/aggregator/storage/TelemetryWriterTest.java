package org.gridfleet.aggregator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.config.TelemetryConfig;
import org.gridfleet.aggregator.metrics.MetricNames;
import org.gridfleet.aggregator.metrics.TelemetryMetrics;
import org.gridfleet.aggregator.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TelemetryWriterTest {

    private static final Instant T0 = Instant.parse("2026-07-16T12:00:00Z");
    private static HikariDataSource dataSource;

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
            writer.offer(new TelemetryRow.MeterValue(t, "CP-1", 1, 7.2, i * 0.002));
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
        assertThat(meters.get(MetricNames.TELEMETRY_ROWS_WRITTEN).tag("table", "soc_readings").counter().count())
                .isEqualTo(1000.0);
    }

    @Test
    void offerShouldDropAndCountWhenQueueIsFull() {
        // GIVEN a database that hangs until released, then fails
        CountDownLatch release = new CountDownLatch(1);
        DataSource hanging = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        release.await();
                        throw new SQLException("database down");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        TelemetryWriter writer = new TelemetryWriter(hanging, new TelemetryConfig(10, 10, 60_000),
                TelemetryMetrics.NOOP);
        // WHEN far more rows arrive than the queue holds
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            accepted += writer.offer(new TelemetryRow.MarketSignal(T0.plusMillis(i), "rte-frequency", 50.0)) ? 1 : 0;
        }
        release.countDown();
        writer.close(Duration.ofSeconds(10));
        // THEN every row is either accepted (then written or failed) or dropped; none is lost silently
        assertThat(accepted).isLessThanOrEqualTo(20);
        assertThat(writer.dropped()).isPositive();
        assertThat(accepted + writer.dropped()).isEqualTo(1000);
        assertThat(writer.written() + writer.failed()).isEqualTo(accepted);
    }

    @Test
    void insertSqlShouldListOnePlaceholderGroupPerRow() {
        assertThat(TelemetryWriter.insertSql(TelemetryRow.Table.MARKET_SIGNALS, 2))
                .isEqualTo("INSERT INTO market_signals (time, source, value) VALUES (?, ?, ?), (?, ?, ?)");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
