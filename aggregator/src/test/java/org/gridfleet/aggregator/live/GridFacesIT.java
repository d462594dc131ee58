package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
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
import org.gridfleet.aggregator.openadr.OpenAdrModule;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The grid faces of {@code gridfleet serve} through their public faces on loopback: the OpenADR 3 VTN and the
 * market desk are mounted next to the core API, and a utility's OpenADR event reaches the chargers (simulated
 * OCPP 2.0.1 stations over real WebSockets) through the live control loop, and its report carries metered usage.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GridFacesIT {

    private static final String ADMIN = "faces-admin-token-0123456789";
    private static final String PASSWORD = "charger-Passw0rd-1";
    private static final int CHARGERS = 4;
    private static final double CHARGER_KW = 11;
    private static final double CAP_KW = 15;

    private static GridfleetServer server;
    private static WebClient http;
    private static final Map<String, Double> latestKw = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        GridfleetConfig config = new GridfleetConfig(new HttpConfig("127.0.0.1", 0, HttpConfig.DEFAULT_BODY_LIMIT_BYTES),
                new DatabaseConfig(Optional.empty(), DatabaseConfig.DEFAULT_USER, "", 4, freePort()),
                new TelemetryConfig(10_000, 100, 50), Files.createTempDirectory("gridfleet-faces-it"), Optional.of(ADMIN),
                new OcppConfig("127.0.0.1", 0, 5_000, 200), ControlConfig.DEFAULT.withTickMs(250));
        server = GridfleetServer.start(config, Clock.systemUTC(), List.of());
        http = WebClient.create(server.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()));
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @Test
    void serveShouldMountOpenAdrForUtilitiesAndMarketsForOperatorsWhenStarted() {
        // GIVEN a utility's OpenADR client registered by the admin, a market operator and a fleet owner
        String vtn = openAdrToken("utility-mount");
        String operator = tenantToken("iso-mount", "utility");
        String owner = tenantToken("fleet-mount", "fleet-owner");

        // WHEN they call the grid faces of the running server
        HttpResponse<Buffer> programs = http.get("/openadr3/programs").bearerTokenAuthentication(vtn).send().await();
        HttpResponse<Buffer> obligations = get(operator, MarketsModule.MOUNT_POINT + "/obligations");
        HttpResponse<Buffer> offersByAdmin = get(ADMIN, MarketsModule.MOUNT_POINT + "/offers");
        HttpResponse<Buffer> ownerAtMarkets = get(owner, MarketsModule.MOUNT_POINT + "/obligations");
        HttpResponse<Buffer> ownerAtVtn = http.post("/openadr3/programs").bearerTokenAuthentication(owner)
                .sendJsonObject(new JsonObject().put("programName", "sneaky")).await();

        // THEN the utility and the operator get in, the fleet owner does not
        assertThat(programs.statusCode()).as(programs.bodyAsString()).isEqualTo(200);
        assertThat(programs.getHeader("Content-Type")).startsWith("application/json");
        assertThat(obligations.statusCode()).as(obligations.bodyAsString()).isEqualTo(200);
        assertThat(obligations.bodyAsJsonObject().getJsonArray("items")).isNotNull();
        assertThat(offersByAdmin.statusCode()).isEqualTo(200);
        assertThat(ownerAtMarkets.statusCode()).isEqualTo(403);
        assertThat(ownerAtVtn.statusCode()).isIn(401, 403);
    }

    @Test
    void importCapacityLimitEventShouldBringTheSiteChargersUnderTheCapAndBeReportedWhenAUtilityPostsIt()
            throws Exception {
        // GIVEN a 40 kW site with four 11 kW chargers charging four vans at full power, metered
        String owner = tenantToken("fleet-dr", "fleet-owner");
        String siteLocation = created(post(owner, "/api/v1/sites", new JsonObject().put("name", "dr-depot")
                .put("limitKw", 40.0)));
        String siteId = siteLocation.substring(siteLocation.lastIndexOf('/') + 1);
        String fleet = created(post(owner, "/api/v1/fleets", new JsonObject().put("name", "dr-vans")));
        List<SimulatedCharger> stations = new ArrayList<>();
        for (int i = 1; i <= CHARGERS; i++) {
            created(post(owner, fleet + "/vehicles", TestServer.vehicleBody("dr-van-" + i)
                    .put("batteryCapacityKwh", 60.0).put("maxChargeKw", CHARGER_KW).put("reserveSoc", 0.2)
                    .put("trips", new JsonArray()).put("chargingPreference", "guaranteed")
                    .put("v2g", new JsonObject().put("mode", "off")).put("idToken", "RFID-DR-" + i)));
            created(post(owner, siteLocation + "/chargers", new JsonObject().put("id", "DR-CP-" + i)
                    .put("password", PASSWORD).put("maxPowerKw", CHARGER_KW).put("bidirectional", false)
                    .put("model", "SimEvse").put("dischargeCapability", "none")));
        }
        for (int i = 1; i <= CHARGERS; i++) {
            SimulatedCharger cp = SimulatedCharger.connect(server.vertx(), server.ocppPort(), "DR-CP-" + i,
                    PASSWORD, Duration.ofSeconds(30), GridFacesIT::observe);
            stations.add(cp);
            cp.boot();
            // 12 kWh within 8 hours: the cap leaves every departure reachable
            cp.plugIn("RFID-DR-" + i, 30, Instant.now().plus(Duration.ofHours(8)), 12_000);
        }
        await(() -> siteKw() > CAP_KW + 5, "the vans charge above the coming cap");
        meter(stations);

        // WHEN a utility posts a one-hour 15 kW import cap for the site through /openadr3
        String utility = openAdrToken("utility-dr");
        String programId = http.post("/openadr3/programs").bearerTokenAuthentication(utility)
                .sendJsonObject(new JsonObject().put("programName", "dr-peak")).await().bodyAsJsonObject()
                .getString("id");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<Buffer> event = http.post("/openadr3/events").bearerTokenAuthentication(utility)
                .sendJsonObject(new JsonObject().put("programID", programId).put("eventName", "dr-cap")
                        .put("targets", new JsonArray().add(new JsonObject().put("type", "RESOURCE_NAME")
                                .put("values", new JsonArray().add(siteId))))
                        .put("intervalPeriod", new JsonObject().put("start", start.toString()).put("duration", "PT1H"))
                        .put("intervals", new JsonArray().add(new JsonObject().put("id", 0).put("payloads",
                                new JsonArray().add(new JsonObject().put("type", "IMPORT_CAPACITY_LIMIT")
                                        .put("values", new JsonArray().add(CAP_KW)))))))
                .await();
        assertThat(event.statusCode()).as(event.bodyAsString()).isEqualTo(201);

        // THEN within a few ticks the chargers' setpoints add up to no more than the cap, and stay there
        await(() -> siteKw() <= CAP_KW + 1e-6, "setpoints under the " + CAP_KW + " kW cap");
        meter(stations);
        Thread.sleep(1_000);
        assertThat(siteKw()).isLessThanOrEqualTo(CAP_KW + 1e-6).isGreaterThan(CAP_KW - 2);

        // AND Gridfleet's report for the event carries the site's metered usage and its flexibility
        JsonObject report = server.gridFaces().openAdr().publishReport(event.bodyAsJsonObject().getString("id"))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        JsonObject resource = report.getJsonArray("resources").getJsonObject(0);
        assertThat(resource.getString("resourceName")).isEqualTo(siteId);
        Map<String, Double> payloads = new HashMap<>();
        resource.getJsonArray("intervals").getJsonObject(0).getJsonArray("payloads").forEach(p -> payloads.put(
                ((JsonObject) p).getString("type"), ((JsonObject) p).getJsonArray("values").getDouble(0)));
        assertThat(payloads.get("USAGE")).as("kWh metered since the cap began").isPositive();
        assertThat(payloads.get("DEMAND")).as("average kW").isPositive().isLessThanOrEqualTo(40);
        assertThat(payloads.get("STORAGE_USABLE_CAPACITY")).isEqualTo(4 * 60.0);
        stations.forEach(SimulatedCharger::close);
    }

    /** Each charger meters the setpoint it was given. */
    private static void meter(List<SimulatedCharger> stations) throws Exception {
        Map<String, Double> now = snapshot();
        for (int i = 0; i < stations.size(); i++) {
            stations.get(i).meter(31, now.getOrDefault("DR-CP-" + (i + 1), 0.0) * 1000);
        }
    }

    private static synchronized void observe(String chargerId, double kw) {
        latestKw.put(chargerId, kw);
    }

    private static synchronized Map<String, Double> snapshot() {
        return new HashMap<>(latestKw);
    }

    private static double siteKw() {
        Map<String, Double> now = snapshot();
        return now.size() < CHARGERS ? Double.NaN
                : now.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Registers a BL client through the admin API and trades its secret for an OpenADR access token. */
    private static String openAdrToken(String clientId) {
        HttpResponse<Buffer> registered = post(ADMIN, OpenAdrModule.CLIENTS_PATH,
                new JsonObject().put("clientId", clientId).put("role", "BL"));
        assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
        HttpResponse<Buffer> token = http.post("/openadr3/auth/token").sendForm(MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials").add("client_id", clientId)
                .add("client_secret", registered.bodyAsJsonObject().getString("clientSecret"))).await();
        assertThat(token.statusCode()).as(token.bodyAsString()).isEqualTo(200);
        return token.bodyAsJsonObject().getString("access_token");
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
                throw new AssertionError(what + ": not within 60 s; setpoints seen: " + snapshot());
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
