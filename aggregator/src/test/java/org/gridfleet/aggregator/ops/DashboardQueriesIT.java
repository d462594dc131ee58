package org.gridfleet.aggregator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.gridfleet.aggregator.ops.OpsFolder.PanelQuery;
import org.gridfleet.aggregator.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the SQL of every dashboard panel and Grafana-managed alert against the production migrations, as a role
 * that holds only the grants of {@code ops/deploy/db/grafana-reader.sql}, with Grafana's macros expanded for the
 * last hour. Seeded telemetry makes every query return rows, and a few panels are checked for the numbers an
 * operator reads off them.
 */
@Timeout(60)
class DashboardQueriesIT {

    private static final OpsFolder OPS = OpsFolder.locate();

    private static HikariDataSource dataSource;
    private static String readerRole;
    private static GrafanaSqlMacros lastHour;
    /** Start of a whole minute half an hour ago: the fleet-power seed rows all fall in this one bucket. */
    private static Instant bucket;

    @BeforeAll
    static void migrateSeedAndGrant() throws SQLException {
        dataSource = TestDatabase.freshSchema(DashboardQueriesIT.class);
        readerRole = "grafana_reader_" + dataSource.getSchema();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Instant now = databaseNow(s);
            lastHour = new GrafanaSqlMacros(now.minus(1, ChronoUnit.HOURS), now.plus(10, ChronoUnit.MINUTES));
            bucket = now.minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
            seed(s);
            s.execute("CREATE ROLE " + readerRole + " NOLOGIN");
            // Production uses schema public, where every role has USAGE; the test schema needs it granted.
            s.execute("GRANT USAGE ON SCHEMA " + dataSource.getSchema() + " TO " + readerRole);
            s.execute(OPS.read("deploy/db/grafana-reader.sql").replace(":\"reader\"", readerRole));
        }
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @TestFactory
    Stream<DynamicTest> everySqlQueryShouldReturnRowsAsTheGrafanaReaderWhenTelemetryIsStored() {
        List<PanelQuery> queries = new ArrayList<>(OPS.panelQueries(OpsFolder.POSTGRES));
        queries.addAll(OPS.alertQueries());
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        return queries.stream().map(q -> DynamicTest.dynamicTest(q.toString(), () -> {
            // WHEN
            List<Map<String, Object>> rows = runAsReader(lastHour.expand(q.query()));
            // THEN
            assertThat(rows).as("rows of %s", q).isNotEmpty();
            if (q.format().equals("time_series")) {
                assertThat(rows.get(0)).as("Grafana time series need a column named time: %s", q)
                        .containsKey("time");
            }
        }));
    }

    @Test
    void socDistributionShouldCountEachEvseLatestReadingInItsBandWhenOlderReadingsExist() throws SQLException {
        // GIVEN seeded latest SoC: CP-1/1 0.05, CP-2/1 0.55, CP-3/1 1.0; CP-1/1 had 0.20 before; CP-3/2 is out of range
        // WHEN
        List<Map<String, Object>> rows = runAsReader(lastHour.expand(sqlOf("fleet.json", "SoC distribution")));
        // THEN
        assertThat(rows).hasSize(10);
        assertThat(rows).extracting(r -> r.get("SoC band")).containsExactly("0-10 %", "10-20 %", "20-30 %",
                "30-40 %", "40-50 %", "50-60 %", "60-70 %", "70-80 %", "80-90 %", "90-100 %");
        assertThat(rows).extracting(r -> ((Number) r.get("vehicles")).intValue())
                .containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void siteHeadroomShouldSumPerEvseMeanPowerAgainstTheUsableLimitWhenSeveralReadingsArrive() throws SQLException {
        // GIVEN last minute: CP-1/1 reads 20 then 30 kW (mean 25), CP-2/1 exports 10 kW; north 100 kW, 10 % headroom
        // WHEN
        List<Map<String, Object>> rows = runAsReader(lastHour.expand(sqlOf("fleet.json",
                "Site headroom (last minute)")));
        // THEN
        assertThat(rows).extracting(r -> r.get("site")).containsExactly("depot-north", "depot-south");
        Map<String, Object> north = rows.get(0);
        assertThat(((Number) north.get("usable kW")).doubleValue()).isEqualTo(90.0);
        assertThat(((Number) north.get("metered kW")).doubleValue()).isEqualTo(15.0);
        assertThat(((Number) north.get("use of usable")).doubleValue()).isCloseTo(15.0 / 90.0,
                offset(1e-9));
        assertThat(((Number) rows.get(1).get("metered kW")).doubleValue()).isZero();
    }

    @Test
    void meteredFleetPowerShouldSumPerEvseMinuteMeansWhenOneEvseReportsTwiceInTheMinute() throws SQLException {
        // GIVEN in one minute bucket: CP-1/1 10 and 20 kW (mean 15), CP-2/1 -4 kW
        // WHEN
        List<Map<String, Object>> rows = runAsReader(lastHour.expand(sqlOf("fleet.json",
                "Metered vs commanded power")));
        // THEN
        Map<String, Object> inBucket = rows.stream()
                .filter(r -> ((Number) r.get("time")).longValue() == bucket.getEpochSecond()).findFirst().orElseThrow();
        assertThat(((Number) inBucket.get("metered kW")).doubleValue()).isEqualTo(11.0);
    }

    @Test
    void fleetPowerStatsShouldSumMeteredMeansAndLatestSetpointsWhenOlderSetpointsExpired() throws SQLException {
        // GIVEN last minute metered: CP-1/1 mean 25 kW, CP-2/1 -10 kW; setpoints: CP-2/1 -10 kW a minute ago,
        // CP-1/1 16 kW half an hour ago (outside the 15-minute window)
        // WHEN
        List<Map<String, Object>> metered = runAsReader(lastHour.expand(sqlOf("fleet.json", "Metered fleet power")));
        List<Map<String, Object>> commanded = runAsReader(lastHour.expand(sqlOf("fleet.json",
                "Commanded fleet power")));
        // THEN
        assertThat(((Number) metered.get(0).get("kw")).doubleValue()).isEqualTo(15.0);
        assertThat(((Number) commanded.get(0).get("kw")).doubleValue()).isEqualTo(-10.0);
    }

    @Test
    void siteLimitAlertShouldExceedItsThresholdOnlyForTheSiteNearItsLimitWhenASiteDrawsNinetyEightPercent()
            throws SQLException {
        // GIVEN depot-south (50 kW, no headroom) draws 49 kW for the last minute; depot-north stays at 15 of 90 kW
        String southAtLimit = "INSERT INTO meter_values VALUES (now() - interval '5 seconds', 'CP-3', 1, 49, 11);";
        // WHEN
        List<Map<String, Object>> rows = runAsReader(southAtLimit, alertSql("GridfleetSiteLimitApproached"));
        // THEN
        Map<String, Double> use = new LinkedHashMap<>();
        rows.forEach(r -> use.put((String) r.get("site"), ((Number) r.get("use_of_usable")).doubleValue()));
        assertThat(use).containsOnlyKeys("depot-north", "depot-south");
        assertThat(use.get("depot-south")).isCloseTo(0.98, offset(1e-9));
        assertThat(use.get("depot-north")).isCloseTo(15.0 / 90.0, offset(1e-9));
        assertThat(OPS.read("grafana/provisioning/alerting/gridfleet.yaml")).contains("params: [0.95]");
    }

    @Test
    void grafanaReaderShouldBeRefusedWhenItReadsChargerPasswordsOrTokens() {
        // WHEN / THEN
        assertThatThrownBy(() -> runAsReader("SELECT password_hash FROM chargers"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> runAsReader("SELECT token_hash FROM api_tokens"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> runAsReader("SELECT name FROM vehicles"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    /** The SQL of the one SQL target of {@code panel} in {@code dashboard}. */
    private static String sqlOf(String dashboard, String panel) {
        List<PanelQuery> found = OPS.panelQueries(OpsFolder.POSTGRES).stream()
                .filter(q -> q.file().equals(dashboard) && q.panel().equals(panel)).toList();
        assertThat(found).as("SQL targets of panel '%s' in %s", panel, dashboard).isNotEmpty();
        return found.get(0).query();
    }

    private static String alertSql(String title) {
        List<PanelQuery> found = OPS.alertQueries().stream().filter(q -> q.panel().equals(title)).toList();
        assertThat(found).as("SQL of Grafana alert %s", title).hasSize(1);
        return found.get(0).query();
    }

    private static List<Map<String, Object>> runAsReader(String sql) throws SQLException {
        return runAsReader("", sql);
    }

    /**
     * Inserts {@link #RECENT_ROWS} and {@code extraRows} as the schema owner, then runs {@code sql} as the reader
     * role, in one rolled-back transaction; rows as column label to value. {@code now()} is the transaction's
     * start, so "the last minute" holds the same rows however long the test run has taken.
     */
    private static List<Map<String, Object>> runAsReader(String extraRows, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(RECENT_ROWS + extraRows);
                s.execute("SET LOCAL ROLE " + readerRole);
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(sql)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.put(md.getColumnLabel(i), rs.getObject(i));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            } finally {
                c.rollback();
            }
        }
    }

    private static Instant databaseNow(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT now()")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    /** Rows of the last minutes, inserted in each query's own transaction (see {@link #runAsReader}). */
    private static final String RECENT_ROWS = """
            INSERT INTO meter_values VALUES
              (now() - interval '30 seconds', 'CP-1', 1, 20, 100),
              (now() - interval '10 seconds', 'CP-1', 1, 30, 100.1),
              (now() - interval '15 seconds', 'CP-2', 1, -10, 50);
            INSERT INTO soc_readings VALUES
              (now() - interval '10 minutes', 'CP-1', 1, 0.20),
              (now() - interval '1 minute', 'CP-1', 1, 0.05),
              (now() - interval '2 minutes', 'CP-2', 1, 0.55),
              (now() - interval '3 minutes', 'CP-3', 1, 1.0);
            INSERT INTO setpoints VALUES (now() - interval '1 minute', 'CP-2', 1, -10);
            INSERT INTO setpoint_acks VALUES (now() - interval '59 seconds', 'CP-2', 1, false, 950);
            INSERT INTO market_signals VALUES
              (now() - interval '4 seconds', 'pjm-regd', 0.42),
              (now() - interval '2 seconds', 'rte-frequency', 49.98);
            """;

    /** Tenant, two sites, three chargers, and the older telemetry rows (committed once for the class). */
    private static void seed(Statement s) throws SQLException {
        UUID tenant = UUID.randomUUID();
        UUID north = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        s.execute("INSERT INTO tenants VALUES ('" + tenant + "', 'ops-test', 'fleet-owner', now())");
        s.execute("INSERT INTO sites VALUES"
                + " ('" + north + "', '" + tenant + "', 'depot-north', 100, 10, '[]', now(), now()),"
                + " ('" + south + "', '" + tenant + "', 'depot-south', 50, 0, '[]', now(), now())");
        s.execute("INSERT INTO chargers VALUES"
                + " ('CP-1', '" + north + "', '" + tenant + "', 'x', 22, true, 'm', 'ocpp21', now(), now()),"
                + " ('CP-2', '" + north + "', '" + tenant + "', 'x', 22, true, 'm', 'ocpp21', now(), now()),"
                + " ('CP-3', '" + south + "', '" + tenant + "', 'x', 11, false, 'm', 'none', now(), now())");
        String b = "'" + bucket + "'::timestamptz";
        s.execute("INSERT INTO meter_values VALUES"
                + " (now() - interval '20 minutes', 'CP-3', 1, 7, 10),"
                + " (" + b + " + interval '10 seconds', 'CP-1', 1, 10, 90),"
                + " (" + b + " + interval '40 seconds', 'CP-1', 1, 20, 90.1),"
                + " (" + b + " + interval '20 seconds', 'CP-2', 1, -4, 40),"
                + " (" + b + " + interval '25 seconds', 'CP-2', 1, NULL, 40)");
        s.execute("INSERT INTO soc_readings VALUES (now() - interval '2 hours', 'CP-3', 2, 0.30)");
        s.execute("INSERT INTO setpoints VALUES (" + b + " + interval '5 seconds', 'CP-1', 1, 16)");
        s.execute("INSERT INTO setpoint_acks VALUES (" + b + " + interval '6 seconds', 'CP-1', 1, true, 180)");
    }
}
