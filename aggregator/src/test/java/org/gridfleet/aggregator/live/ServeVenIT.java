package org.gridfleet.aggregator.live;

import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.cli.ServeCommand;
import org.gridfleet.aggregator.openadr.OpenAdrConfig;
import org.gridfleet.aggregator.openadr.OpenAdrVtnConfig;
import org.gridfleet.aggregator.openadr.VtnTestServer;
import org.gridfleet.aggregator.openadr.ven.VenClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code gridfleet serve} with the VEN client configured ({@code GRIDFLEET_OPENADR_VEN_*}) against a second
 * Gridfleet playing the utility's VTN, both on loopback: an event created at the utility's VTN reaches the live loop
 * (the site's OCPP stations), and the utility's VTN going down never stops local control.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServeVenIT {

    private static final double CAP_KW = 15;

    private static VtnTestServer utilityVtn;
    private static ServeFixture serve;
    private static boolean utilityClosed;

    @BeforeAll
    static void start() throws Exception {
        utilityVtn = new VtnTestServer().start(Clock.systemUTC(), OpenAdrVtnConfig.ofDefaults("http://localhost/openadr3"))
                .await(60, TimeUnit.SECONDS);
        serve = ServeFixture.start(Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        serve.close();
        if (!utilityClosed) {
            utilityVtn.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void utilityEventShouldReachTheLiveLoopThroughTheVenAndLocalControlShouldSurviveTheVtnGoingDown()
            throws Exception {
        // GIVEN a depot charging four vans at full power, enrolled by the VEN client at the utility's VTN
        VanDepot depot = VanDepot.start(serve, "ven", 4, 11);
        depot.awaitKwAbove(CAP_KW + 20, "the vans charge at full power");
        String bl = utilityVtn.tokenFor("utility-bl", "BL", null).await(30, TimeUnit.SECONDS);
        String secret = utilityVtn.register("gridfleet-ven", "VEN", "depot-ven").await(30, TimeUnit.SECONDS);
        OpenAdrConfig config = OpenAdrConfig.fromEnv(Map.of(
                OpenAdrConfig.VEN_VTN_URL, utilityVtn.baseUrl(), OpenAdrConfig.VEN_CLIENT_ID, "gridfleet-ven",
                OpenAdrConfig.VEN_CLIENT_SECRET, secret, OpenAdrConfig.VEN_NAME, "depot-ven",
                OpenAdrConfig.VEN_SITES, depot.siteId(), OpenAdrConfig.VEN_POLL_INTERVAL, "PT1S"), serve.server.port());
        Optional<VenClient> ven = ServeCommand.startVen(serve.server, config, Clock.systemUTC());
        assertThat(ven).isPresent();

        // WHEN the utility creates an import cap for the enrolled site at its own VTN
        String programId = utilityVtn.call(POST, "/programs", "createProgram", bl,
                new JsonObject().put("programName", "ven-peak")).await(30, TimeUnit.SECONDS).json().getString("id");
        int created = utilityVtn.call(POST, "/events", "createEvent", bl, capEvent(programId, depot.siteId(), CAP_KW))
                .await(30, TimeUnit.SECONDS).status();
        assertThat(created).isEqualTo(201);

        // THEN the VEN polls it and the live loop brings the depot under the cap
        depot.await(kw -> kw <= CAP_KW, "the depot under the utility's " + CAP_KW + " kW cap");

        // WHEN the utility's VTN goes down
        utilityVtn.close().await(10, TimeUnit.SECONDS);
        utilityClosed = true;
        Thread.sleep(3_000);

        // THEN the VEN's polls fail, the cap it last heard holds, and local control goes on: a cap posted at
        // Gridfleet's own VTN is followed
        assertThat(depot.kw()).isLessThanOrEqualTo(CAP_KW);
        String local = serve.openAdrToken("local-bl");
        String localProgram = serve.post(local, "/openadr3/programs", new JsonObject().put("programName", "local"))
                .bodyAsJsonObject().getString("id");
        HttpResponse<Buffer> localEvent = serve.post(local, "/openadr3/events", capEvent(localProgram, depot.siteId(), 8));
        assertThat(localEvent.statusCode()).as(localEvent.bodyAsString()).isEqualTo(201);
        depot.await(kw -> kw <= 8, "the depot under the local 8 kW cap while the utility's VTN is down");
        ven.get().stop();
        depot.close();
    }

    /** A one-hour import cap for the site from the current minute. */
    private static JsonObject capEvent(String programId, String siteId, double kw) {
        return new JsonObject().put("programID", programId).put("eventName", "cap-" + kw)
                .put("targets", new JsonArray().add(new JsonObject().put("type", "RESOURCE_NAME")
                        .put("values", new JsonArray().add(siteId))))
                .put("intervalPeriod", new JsonObject()
                        .put("start", Instant.now().truncatedTo(ChronoUnit.MINUTES).toString()).put("duration", "PT1H"))
                .put("intervals", new JsonArray().add(new JsonObject().put("id", 0).put("payloads", new JsonArray()
                        .add(new JsonObject().put("type", "IMPORT_CAPACITY_LIMIT").put("values", new JsonArray().add(kw))))));
    }
}
