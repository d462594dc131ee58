package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
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
        VanDepot depot = VanDepot.start(serve, "lvl", VANS, CHARGER_KW);
        double before = depot.awaitKwAbove(VANS * CHARGER_KW - 2, "the vans charge at full power");

        // WHEN a utility posts SIMPLE level 2 for the site
        String event = post("SIMPLE", 2, depot.siteId());

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
        VanDepot depot = VanDepot.start(serve, "sp", VANS, CHARGER_KW);
        double before = depot.awaitKwAbove(VANS * CHARGER_KW - 2, "the vans charge at full power");

        // WHEN a utility posts a relative setpoint of -14 kW for the site
        String relative = post("DISPATCH_SETPOINT_RELATIVE", -14, depot.siteId());

        // THEN the site imports the baseline less 14 kW, within the dispatcher's band
        depot.await(kw -> Math.abs(kw - (before - 14)) <= 1, "the baseline " + before + " kW less 14 kW");

        // WHEN it is replaced by an absolute 18 kW setpoint
        assertThat(serve.delete(utility, "/openadr3/events/" + relative).statusCode()).isEqualTo(200);
        post("DISPATCH_SETPOINT", 18, depot.siteId());

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
}
