package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.live.ServeFixture.ADMIN;
import static org.gridfleet.aggregator.live.ServeFixture.PASSWORD;
import static org.gridfleet.aggregator.live.ServeFixture.created;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.markets.MarketsModule;
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

    private static final int CHARGERS = 4;
    private static final double CHARGER_KW = 11;
    private static final double CAP_KW = 15;

    private static ServeFixture serve;

    @BeforeAll
    static void start() throws Exception {
        serve = ServeFixture.start(Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void serveShouldMountOpenAdrForUtilitiesAndMarketsForOperatorsWhenStarted() {
        // GIVEN a utility's OpenADR client registered by the admin, a market operator and a fleet owner
        String vtn = serve.openAdrToken("utility-mount");
        String operator = serve.tenantToken("iso-mount", "utility");
        String owner = serve.tenantToken("fleet-mount", "fleet-owner");

        // WHEN they call the grid faces of the running server
        HttpResponse<Buffer> programs = serve.get(vtn, "/openadr3/programs");
        HttpResponse<Buffer> obligations = serve.get(operator, MarketsModule.MOUNT_POINT + "/obligations");
        HttpResponse<Buffer> offersByAdmin = serve.get(ADMIN, MarketsModule.MOUNT_POINT + "/offers");
        HttpResponse<Buffer> ownerAtMarkets = serve.get(owner, MarketsModule.MOUNT_POINT + "/obligations");
        HttpResponse<Buffer> ownerAtVtn = serve.post(owner, "/openadr3/programs",
                new JsonObject().put("programName", "sneaky"));

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
        String owner = serve.tenantToken("fleet-dr", "fleet-owner");
        String siteLocation = created(serve.post(owner, "/api/v1/sites", new JsonObject().put("name", "dr-depot")
                .put("limitKw", 40.0)));
        String siteId = siteLocation.substring(siteLocation.lastIndexOf('/') + 1);
        String fleet = created(serve.post(owner, "/api/v1/fleets", new JsonObject().put("name", "dr-vans")));
        List<SimulatedCharger> stations = new ArrayList<>();
        for (int i = 1; i <= CHARGERS; i++) {
            created(serve.post(owner, fleet + "/vehicles", TestServer.vehicleBody("dr-van-" + i)
                    .put("batteryCapacityKwh", 60.0).put("maxChargeKw", CHARGER_KW).put("reserveSoc", 0.2)
                    .put("trips", new JsonArray()).put("chargingPreference", "guaranteed")
                    .put("v2g", new JsonObject().put("mode", "off")).put("idToken", "RFID-DR-" + i)));
            created(serve.post(owner, siteLocation + "/chargers", new JsonObject().put("id", "DR-CP-" + i)
                    .put("password", PASSWORD).put("maxPowerKw", CHARGER_KW).put("bidirectional", false)
                    .put("model", "SimEvse").put("dischargeCapability", "none")));
        }
        for (int i = 1; i <= CHARGERS; i++) {
            SimulatedCharger cp = serve.station("DR-CP-" + i);
            stations.add(cp);
            // 12 kWh within 8 hours: the cap leaves every departure reachable
            cp.plugIn("RFID-DR-" + i, 30, Instant.now().plus(Duration.ofHours(8)), 12_000);
        }
        serve.await(() -> serve.setpointsKw().size() == CHARGERS && serve.totalKw() > CAP_KW + 5,
                "the vans charge above the coming cap");
        meter(stations);

        // WHEN a utility posts a one-hour 15 kW import cap for the site through /openadr3
        String utility = serve.openAdrToken("utility-dr");
        String programId = serve.post(utility, "/openadr3/programs", new JsonObject().put("programName", "dr-peak"))
                .bodyAsJsonObject().getString("id");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<Buffer> event = serve.post(utility, "/openadr3/events", new JsonObject()
                .put("programID", programId).put("eventName", "dr-cap")
                .put("targets", new JsonArray().add(new JsonObject().put("type", "RESOURCE_NAME")
                        .put("values", new JsonArray().add(siteId))))
                .put("intervalPeriod", new JsonObject().put("start", start.toString()).put("duration", "PT1H"))
                .put("intervals", new JsonArray().add(new JsonObject().put("id", 0).put("payloads",
                        new JsonArray().add(new JsonObject().put("type", "IMPORT_CAPACITY_LIMIT")
                                .put("values", new JsonArray().add(CAP_KW)))))));
        assertThat(event.statusCode()).as(event.bodyAsString()).isEqualTo(201);

        // THEN within a few ticks the chargers' setpoints add up to no more than the cap, and stay there
        serve.await(() -> serve.totalKw() <= CAP_KW, "setpoints under the " + CAP_KW + " kW cap");
        meter(stations);
        Thread.sleep(1_000);
        assertThat(serve.totalKw()).isLessThanOrEqualTo(CAP_KW).isGreaterThan(CAP_KW - 2);

        // AND Gridfleet's report for the event carries the site's metered usage and its flexibility
        JsonObject report = serve.server.gridFaces().openAdr().publishReport(event.bodyAsJsonObject().getString("id"))
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
        Map<String, Double> now = serve.setpointsKw();
        for (int i = 0; i < stations.size(); i++) {
            stations.get(i).meter(31, now.getOrDefault("DR-CP-" + (i + 1), 0.0) * 1000);
        }
    }
}
