package org.gridfleet.aggregator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gridfleet.aggregator.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code gridfleet_*} series that an alert rule or a dashboard panel names is exported by a running
 * Gridfleet: the shipped jar, started with {@code serve} on an external (embedded) PostgreSQL, scraped at
 * {@code /metrics}. The names are parsed out of {@code ops/}, so a renamed metric or a dashboard that names a
 * metric nobody exports fails here.
 */
@Timeout(120)
class MetricsCatalogIT {

    private static final Pattern METRIC = Pattern.compile("\\bgridfleet_[A-Za-z0-9_]+");
    private static final OpsFolder OPS = OpsFolder.locate();

    @TempDir
    static Path home;
    private static GridfleetProcess gridfleet;
    private static Set<String> exported;

    @BeforeAll
    static void startServeAndScrape() throws Exception {
        String database = "metrics_catalog_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String url = TestDatabase.jdbcUrl().replaceFirst("/postgres$", "/" + database);
        gridfleet = GridfleetProcess.start(OPS.resolve("../aggregator/target/gridfleet-app.jar").normalize(), Map.of(
                "GRIDFLEET_DB_URL", url,
                "GRIDFLEET_DB_USER", "postgres",
                "GRIDFLEET_HOME", home.toString(),
                "GRIDFLEET_ADMIN_TOKEN", "metrics-catalog-admin-token-0123456789"));
        gridfleet.awaitOk("/health/ready", Duration.ofSeconds(30));
        HttpResponse<String> scrape = gridfleet.get("/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        exported = scrape.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    @AfterAll
    static void stop() {
        if (gridfleet != null) {
            gridfleet.close();
        }
    }

    @Test
    void everyMetricAnAlertRuleNamesShouldBeExportedWhenGridfleetServes() {
        // GIVEN
        Set<String> named = metricNames(OPS.ruleExpressions().stream());
        // WHEN / THEN
        assertThat(named).as("gridfleet_* series named by ops/prometheus/rules").isNotEmpty();
        assertThat(exported).as("series exported at /metrics").containsAll(named);
    }

    @Test
    void everyMetricADashboardNamesShouldBeExportedWhenGridfleetServes() {
        // GIVEN
        Set<String> named = metricNames(OPS.panelQueries(OpsFolder.PROMETHEUS).stream().map(q -> q.query()));
        // WHEN / THEN
        assertThat(named).as("gridfleet_* series named by ops/grafana/dashboards").isNotEmpty();
        assertThat(exported).as("series exported at /metrics").containsAll(named);
    }

    @Test
    void databaseUpShouldReadOneWhenTheReadinessProbeHasAnswered() throws Exception {
        // WHEN
        String scrape = gridfleet.get("/metrics").body();
        // THEN the gauge behind GridfleetDatabaseDown reflects the probe that passed at start-up
        assertThat(scrape).containsPattern("(?m)^gridfleet_database_up(\\{[^}]*})? 1(\\.0)?$");
    }

    @Test
    void readinessShouldShowTheTelemetryBacklogWhenGridfleetServes() throws Exception {
        // WHEN readiness is asked of the real server
        HttpResponse<String> ready = gridfleet.get("/health/ready");
        // THEN it is UP and shows what the telemetry writer holds
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(ready.body());
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(body.getJsonObject("telemetry").getString("state")).isEqualTo("WRITING");
        assertThat(body.getJsonObject("telemetry").getLong("droppedRows")).isZero();
    }

    @Test
    void readmeCatalogShouldListEveryMetricFamilyWhenARuleOrDashboardUsesIt() throws Exception {
        // GIVEN the metric catalog of ops/README.md and the families the rules and dashboards use
        Set<String> catalog = families(metricNames(Stream.of(Files.readString(OPS.resolve("README.md")))));
        Set<String> used = families(metricNames(Stream.concat(OPS.ruleExpressions().stream(),
                OPS.panelQueries(OpsFolder.PROMETHEUS).stream().map(q -> q.query()))));
        // THEN
        assertThat(catalog).containsAll(used);
    }

    /** Histogram and summary series share their family's name: {@code x_seconds_bucket} is {@code x_seconds}. */
    private static Set<String> families(Set<String> series) {
        return series.stream().map(n -> n.replaceFirst("_(bucket|sum|count|max)$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> metricNames(Stream<String> texts) {
        Set<String> names = new TreeSet<>();
        texts.forEach(t -> {
            Matcher m = METRIC.matcher(t);
            while (m.find()) {
                names.add(m.group());
            }
        });
        return names;
    }
}
