package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * OpenADR SIMPLE levels and dispatch setpoints posted by a utility at {@code /openadr3} of a running
 * {@code gridfleet serve} steer the site's chargers (simulated OCPP 2.0.1 stations on loopback): a level sheds its
 * configured share of the import planned before it (default level 2: 50 %), a relative setpoint moves the import
 * from that baseline, an absolute one holds it at the setpoint.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OpenAdrLevelsIT {

    private static final int VANS = 4;
    private static final double CHARGER_KW = 11;

    private static ServeFixture serve;
    private static String utility;
    private static String programId;

    @BeforeAll
    static void start() throws Exception {
        serve = ServeFixture.start(Clock.systemUTC());
        utility = serve.openAdrToken("utility-levels");
        programId = serve.post(utility, "/openadr3/programs", new JsonObject().put("programName", "levels"))
                .bodyAsJsonObject().getString("id");
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void simpleLevelShouldShedHalfThePlannedImportWhenAUtilityPostsLevelTwo() throws Exception {
        // GIVEN four vans charging at full power at a 60 kW site (the limit does not bind)
        Depot depot = depot("lvl");
        double before = depot.awaitKwAbove(VANS * CHARGER_KW - 2, "the vans charge at full power");

        // WHEN a utility posts SIMPLE level 2 for the site
        String event = post("SIMPLE", 2, depot.siteId);

        // THEN the site's setpoints drop to half of the import planned before the event, and stay there
        depot.await(kw -> kw <= before / 2, "half of the " + before + " kW planned before the event");
        Thread.sleep(1_000);
        depot.meter();
        assertThat(depot.kw()).isLessThanOrEqualTo(before / 2).isGreaterThan(before / 2 - 3);

        // AND deleting the event lets the vans charge at full power again
        assertThat(serve.delete(utility, "/openadr3/events/" + event).statusCode()).isEqualTo(200);
        depot.awaitKwAbove(VANS * CHARGER_KW - 2, "full power once the level is withdrawn");
        depot.close();
    }

    @Test
    void setpointsShouldHoldTheSiteImportAtTheTargetWhenAbsoluteOrRelativeToTheBaseline() throws Exception {
        // GIVEN four vans charging at full power at a 60 kW site
        Depot depot = depot("sp");
        double before = depot.awaitKwAbove(VANS * CHARGER_KW - 2, "the vans charge at full power");

        // WHEN a utility posts a relative setpoint of -14 kW for the site
        String relative = post("DISPATCH_SETPOINT_RELATIVE", -14, depot.siteId);

        // THEN the site imports the baseline less 14 kW, within the dispatcher's band
        depot.await(kw -> Math.abs(kw - (before - 14)) <= 1, "the baseline " + before + " kW less 14 kW");

        // WHEN it is replaced by an absolute 18 kW setpoint
        assertThat(serve.delete(utility, "/openadr3/events/" + relative).statusCode()).isEqualTo(200);
        post("DISPATCH_SETPOINT", 18, depot.siteId);

        // THEN the site holds 18 kW
        depot.await(kw -> Math.abs(kw - 18) <= 1, "the 18 kW setpoint");
        Thread.sleep(1_000);
        depot.meter();
        assertThat(depot.kw()).isBetween(17.0, 19.0);
        depot.close();
    }

    /** Posts a one-hour event with one payload for the site from the current minute; answers its id. */
    private static String post(String type, double value, String siteId) {
        HttpResponse<Buffer> event = serve.post(utility, "/openadr3/events", new JsonObject()
                .put("programID", programId).put("eventName", type.toLowerCase() + "-" + siteId.substring(0, 8))
                .put("targets", new JsonArray().add(new JsonObject().put("type", "RESOURCE_NAME")
                        .put("values", new JsonArray().add(siteId))))
                .put("intervalPeriod", new JsonObject()
                        .put("start", Instant.now().truncatedTo(ChronoUnit.MINUTES).toString()).put("duration", "PT1H"))
                .put("intervals", new JsonArray().add(new JsonObject().put("id", 0).put("payloads",
                        new JsonArray().add(new JsonObject().put("type", type)
                                .put("values", new JsonArray().add(value)))))));
        assertThat(event.statusCode()).as(event.bodyAsString()).isEqualTo(201);
        return event.bodyAsJsonObject().getString("id");
    }

    /** A 60 kW site with four vans plugged in at 11 kW chargers named {@code <prefix>-CP-i}. */
    private static Depot depot(String prefix) throws Exception {
        String owner = serve.tenantToken("fleet-" + prefix, "fleet-owner");
        String site = created(serve.post(owner, "/api/v1/sites", new JsonObject().put("name", prefix + "-depot")
                .put("limitKw", 60.0)));
        String fleet = created(serve.post(owner, "/api/v1/fleets", new JsonObject().put("name", prefix + "-vans")));
        List<SimulatedCharger> stations = new ArrayList<>();
        for (int i = 1; i <= VANS; i++) {
            String token = "RFID-" + prefix + "-" + i;
            created(serve.post(owner, fleet + "/vehicles", TestServer.vehicleBody(prefix + "-van-" + i)
                    .put("batteryCapacityKwh", 60.0).put("maxChargeKw", CHARGER_KW).put("reserveSoc", 0.2)
                    .put("trips", new JsonArray()).put("chargingPreference", "guaranteed")
                    .put("v2g", new JsonObject().put("mode", "off")).put("idToken", token)));
            created(serve.post(owner, site + "/chargers", new JsonObject().put("id", prefix + "-CP-" + i)
                    .put("password", PASSWORD).put("maxPowerKw", CHARGER_KW).put("bidirectional", false)
                    .put("model", "SimEvse").put("dischargeCapability", "none")));
        }
        for (int i = 1; i <= VANS; i++) {
            SimulatedCharger cp = serve.station(prefix + "-CP-" + i);
            stations.add(cp);
            // 12 kWh within 8 hours: halving the power leaves every departure reachable
            cp.plugIn("RFID-" + prefix + "-" + i, 30, Instant.now().plus(Duration.ofHours(8)), 12_000);
        }
        return new Depot(prefix, site.substring(site.lastIndexOf('/') + 1), stations);
    }

    /** One test's site, its stations, and the sum of their latest setpoints. */
    private record Depot(String prefix, String siteId, List<SimulatedCharger> stations) {

        double kw() {
            return serve.setpointsKw().entrySet().stream().filter(e -> e.getKey().startsWith(prefix + "-CP-"))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        /** Waits until the setpoints match, metering each charger at its setpoint meanwhile. */
        void await(DoublePredicate condition, String what) throws Exception {
            serve.await(() -> {
                meter();
                return condition.test(kw());
            }, what);
        }

        double awaitKwAbove(double kw, String what) throws Exception {
            await(total -> total > kw, what);
            return kw();
        }

        /** Each charger meters the setpoint it was given. */
        void meter() {
            for (int i = 0; i < stations.size(); i++) {
                try {
                    stations.get(i).meter(31, serve.setpointsKw().getOrDefault(prefix + "-CP-" + (i + 1), 0.0) * 1000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        void close() {
            stations.forEach(SimulatedCharger::close);
        }
    }
}
