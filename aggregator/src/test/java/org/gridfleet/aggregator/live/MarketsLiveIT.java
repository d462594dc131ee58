package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gridfleet.aggregator.app.GridfleetServer;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.config.DatabaseConfig;
import org.gridfleet.aggregator.config.GridfleetConfig;
import org.gridfleet.aggregator.config.HttpConfig;
import org.gridfleet.aggregator.config.OcppConfig;
import org.gridfleet.aggregator.config.TelemetryConfig;
import org.gridfleet.aggregator.markets.MarketsModule;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The market desk of {@code gridfleet serve} steering the live fleet: the desk offers PJM RegD from the plugged-in
 * vans (simulated OCPP 2.0.1 stations over loopback), the market operator pushes the award and then the signal at
 * {@code /api/v1/markets}, and the chargers' setpoints follow the signal within the site limit. The server's clock
 * starts ten minutes before a gate closure and jumps to the delivery hour.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MarketsLiveIT {

    private static final String ADMIN = "markets-admin-token-0123456789";
    private static final String PASSWORD = "charger-Passw0rd-1";
    private static final int VANS = 36;
    private static final double CHARGER_KW = 11;
    private static final double SITE_LIMIT_KW = 450;
    private static final String MARKETS = MarketsModule.MOUNT_POINT;
    /** Delivery hour: the hourly calendar closes its gate one hour before. */
    private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(3));

    private static final ShiftedClock CLOCK = new ShiftedClock(HOUR.minus(Duration.ofMinutes(70)));
    private static final Map<String, Double> latestKw = new HashMap<>();
    private static GridfleetServer server;
    private static WebClient http;

    @BeforeAll
    static void start() throws Exception {
        GridfleetConfig config = new GridfleetConfig(new HttpConfig("127.0.0.1", 0, HttpConfig.DEFAULT_BODY_LIMIT_BYTES),
                new DatabaseConfig(Optional.empty(), DatabaseConfig.DEFAULT_USER, "", 4, freePort()),
                new TelemetryConfig(10_000, 100, 50), Files.createTempDirectory("gridfleet-markets-it"),
                Optional.of(ADMIN), new OcppConfig("127.0.0.1", 0, 5_000, 200), ControlConfig.DEFAULT.withTickMs(250));
        server = GridfleetServer.start(config, CLOCK, List.of());
        http = WebClient.create(server.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()));
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @Test
    void awardAndSignalPushedAtMarketsShouldMoveTheFleetSetpointsInTheSignalDirectionWithinTheSiteLimit()
            throws Exception {
        // GIVEN thirty-six vans plugged in at a 450 kW depot, charging slowly towards a departure eight hours away
        String owner = tenantToken("regd-fleet", "fleet-owner");
        String site = created(post(owner, "/api/v1/sites", new JsonObject().put("name", "regd-depot")
                .put("limitKw", SITE_LIMIT_KW)));
        String fleet = created(post(owner, "/api/v1/fleets", new JsonObject().put("name", "regd-vans")));
        List<SimulatedCharger> stations = new ArrayList<>();
        for (int i = 1; i <= VANS; i++) {
            created(post(owner, fleet + "/vehicles", TestServer.vehicleBody("regd-van-" + i)
                    .put("batteryCapacityKwh", 60.0).put("maxChargeKw", CHARGER_KW).put("reserveSoc", 0.2)
                    .put("trips", new JsonArray()).put("chargingPreference", "lowest-cost")
                    .put("v2g", new JsonObject().put("mode", "off")).put("idToken", "RFID-REGD-" + i)));
            created(post(owner, site + "/chargers", new JsonObject().put("id", "REGD-CP-" + i)
                    .put("password", PASSWORD).put("maxPowerKw", CHARGER_KW).put("bidirectional", false)
                    .put("model", "SimEvse").put("dischargeCapability", "none")));
        }
        for (int i = 1; i <= VANS; i++) {
            SimulatedCharger cp = SimulatedCharger.connect(server.vertx(), server.ocppPort(), "REGD-CP-" + i,
                    PASSWORD, Duration.ofSeconds(30), MarketsLiveIT::observe);
            stations.add(cp);
            cp.boot();
            cp.plugIn("RFID-REGD-" + i, 40, CLOCK.instant().plus(Duration.ofHours(8)), 15_000);
        }
        await(() -> snapshot().size() == VANS, "every van has a profile");

        // AND the desk has offered the delivery hour from the live plan before its gate
        String operator = tenantToken("pjm", "utility");
        await(() -> offers(operator).size() == 1, "the desk's offer for " + HOUR);
        JsonObject offer = offers(operator).getJsonObject(0);
        assertThat(offer.getString("periodStart")).isEqualTo(HOUR.toString());
        double awardedKw = Math.min(offer.getDouble("capabilityKw"), 100);

        // WHEN the operator awards it and the hour begins
        HttpResponse<Buffer> award = post(operator, MARKETS + "/awards", new JsonObject()
                .put("offerId", offer.getString("offerId")).put("periodStart", HOUR.toString())
                .put("periodEnd", HOUR.plus(Duration.ofHours(1)).toString()).put("awardedKw", awardedKw)
                .put("capabilityClearingPricePerMwh", 20.0).put("performanceClearingPricePerMw", 1.0));
        assertThat(award.statusCode()).as(award.bodyAsString()).isEqualTo(200);
        double baselineKw = award.bodyAsJsonObject().getDouble("baselineKw");
        CLOCK.jump(Duration.ofMinutes(70));
        await(() -> "DELIVERING".equals(obligation(operator).getString("state")), "delivery started");

        // AND the operator signals full regulation up (less import), then full down (more import)
        signal(operator, 1.0);
        await(() -> fleetKw() <= baselineKw - 0.8 * awardedKw, "fleet down to baseline - awarded");
        double upKw = fleetKw();
        signal(operator, -1.0);
        await(() -> fleetKw() >= Math.min(baselineKw + 0.8 * awardedKw, VANS * CHARGER_KW * 0.8),
                "fleet up towards baseline + awarded");
        double downKw = fleetKw();

        // THEN the setpoints moved in the signal's direction, and the site stayed under its usable limit
        assertThat(downKw - upKw).isGreaterThan(awardedKw);
        assertThat(highest()).isLessThanOrEqualTo(SITE_LIMIT_KW * 0.95 + 1e-6);
        assertThat(snapshot().values()).allSatisfy(kw -> assertThat(kw).isBetween(0.0, CHARGER_KW));
        stations.forEach(SimulatedCharger::close);
    }

    private static void signal(String operator, double value) {
        HttpResponse<Buffer> r = post(operator, MARKETS + "/signals", new JsonObject().put("product", "pjm-regd")
                .put("at", CLOCK.instant().truncatedTo(ChronoUnit.MILLIS).toString()).put("value", value));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getInteger("obligations")).isEqualTo(1);
    }

    private static JsonArray offers(String token) {
        return get(token, MARKETS + "/offers").bodyAsJsonObject().getJsonArray("items");
    }

    private static JsonObject obligation(String token) {
        JsonArray items = get(token, MARKETS + "/obligations").bodyAsJsonObject().getJsonArray("items");
        return items.isEmpty() ? new JsonObject() : items.getJsonObject(0);
    }

    private static double highestSiteKw;

    private static synchronized void observe(String chargerId, double kw) {
        latestKw.put(chargerId, kw);
        highestSiteKw = Math.max(highestSiteKw, latestKw.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    private static synchronized Map<String, Double> snapshot() {
        return new HashMap<>(latestKw);
    }

    private static synchronized double highest() {
        return highestSiteKw;
    }

    private static double fleetKw() {
        return snapshot().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String tenantToken(String name, String role) {
        String tenant = post(ADMIN, "/api/v1/tenants", new JsonObject().put("name", name).put("role", role))
                .bodyAsJsonObject().getString("id");
        return post(ADMIN, "/api/v1/tenants/" + tenant + "/tokens", new JsonObject()).bodyAsJsonObject()
                .getString("token");
    }

    private static HttpResponse<Buffer> get(String token, String path) {
        return http.get(path).bearerTokenAuthentication(token).send().await();
    }

    private static HttpResponse<Buffer> post(String token, String path, JsonObject body) {
        return http.post(path).bearerTokenAuthentication(token).sendJsonObject(body).await();
    }

    private static String created(HttpResponse<Buffer> r) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
        return r.getHeader("Location");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError(what + ": not within 60 s; fleet " + fleetKw() + " kW, setpoints " + snapshot());
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
