package org.gridfleet.aggregator.openadr;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.aggregator.openadr.grid.EventInterpreter;
import org.gridfleet.aggregator.openadr.grid.EventReportBuilder;
import org.gridfleet.aggregator.openadr.grid.FlexibilityReading;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.aggregator.openadr.grid.ShedLevels;
import org.gridfleet.aggregator.openadr.ven.VenClient;
import org.gridfleet.aggregator.openadr.ven.VenClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gridfleet's VEN client against Gridfleet's own VTN on loopback, through a proxy that validates every
 * request the client sends against the official 3.0.1 contract.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class VenClientIT {

    static VtnTestServer vtn;
    static ValidatingProxy proxy;
    static String bl;
    static String venSecret;

    @BeforeAll
    static void setUp(Vertx vertx, VertxTestContext testContext) {
        vtn = new VtnTestServer();
        vtn.start(Clock.fixed(OpenAdrVtnIT.NOW, ZoneOffset.UTC), OpenAdrVtnConfig.ofDefaults("http://localhost/openadr3"))
                .compose(s -> s.tokenFor("utility", "BL", null)).onSuccess(t -> bl = t)
                .compose(t -> vtn.register("gridfleet-ven", "VEN", "gridfleet"))
                .onSuccess(secret -> venSecret = secret)
                .compose(x -> new ValidatingProxy(vertx, vtn.contract().contract(), vtn.port()).start())
                .onComplete(testContext.succeeding(p -> {
                    proxy = p;
                    testContext.completeNow();
                }));
    }

    @AfterAll
    static void tearDown(VertxTestContext testContext) {
        proxy.close().compose(v -> vtn.close()).onComplete(testContext.succeedingThenComplete());
    }

    @Test
    void pollShouldTurnSiteEventIntoObligationAndReportItWhenEventHasEnded(Vertx vertx, VertxTestContext testContext) {
        // GIVEN the utility posted an IMPORT_CAPACITY_LIMIT for site-1 from 17:00 to 19:00
        SettableClock clock = new SettableClock(OpenAdrVtnIT.NOW);
        List<List<GridObligation>> heard = new CopyOnWriteArrayList<>();
        FlexibilityReading reading = new FlexibilityReading(40.0, 40.0, 95.0, 120.0, 30.0, 600.0, 0.55, 150.0, 110.0);
        EventInterpreter interpreter = new EventInterpreter(clock, ShedLevels.ofDefaults());
        VenClient ven = new VenClient(vertx, clock,
                VenClientConfig.of("http://localhost:" + proxy.port(), "gridfleet-ven", venSecret, "gridfleet",
                        List.of("site-1", "site-2")),
                interpreter, new EventReportBuilder(interpreter, (target, from, to) -> Future.succeededFuture(reading)),
                (eventId, obligations) -> heard.add(obligations));
        vtn.call(POST, "/programs", "createProgram", bl, OpenAdrVtnIT.program("ven-client-program"))
                .compose(p -> vtn.call(POST, "/events", "createEvent", bl,
                                OpenAdrVtnIT.limitEvent(p.json().getString("id"), "site-elsewhere", 5.0))
                        .compose(other -> vtn.call(POST, "/events", "createEvent", bl,
                                OpenAdrVtnIT.limitEvent(p.json().getString("id"), "site-1", 75.0))))
                // WHEN the VEN client enrols and polls, then polls again after the event ended
                .compose(e -> ven.start().map(e.json().getString("id")))
                .compose(eventId -> {
                    clock.advance(Duration.ofHours(8));
                    return ven.poll().map(eventId);
                })
                .compose(eventId -> Future.all(vtn.call(GET, "/reports?eventID=" + eventId, "searchAllReports", bl, null),
                        vtn.call(GET, "/vens?venName=gridfleet", "searchVens", bl, null)).map(all -> new Object[] {eventId, all}))
                .onComplete(testContext.succeeding(r -> testContext.verify(() -> {
                    ven.stop();
                    String eventId = (String) r[0];
                    io.vertx.core.CompositeFuture all = (io.vertx.core.CompositeFuture) r[1];
                    // THEN the listener heard the site limit for the right window (under the event's id qualified by
                    // the VTN), and nothing of the other site's event
                    assertThat(heard).hasSize(1);
                    assertThat(ven.refusedEvents()).isEmpty();
                    assertThat(heard).first().satisfies(first -> assertThat(first).startsWith(
                            new GridObligation.ImportCapacityLimit("http://localhost:" + proxy.port() + "/events/" + eventId,
                                    new GridTarget.Site("site-1"),
                                    Instant.parse("2026-11-28T17:00:00Z"), Instant.parse("2026-11-28T18:00:00Z"), 75.0)));
                    // AND one report with the flexibility payloads was posted
                    VtnTestServer.Reply reports = all.resultAt(0);
                    assertThat(reports.array()).hasSize(1);
                    JsonObject interval = reports.array().getJsonObject(0).getJsonArray("resources").getJsonObject(0)
                            .getJsonArray("intervals").getJsonObject(0);
                    assertThat(interval.getJsonArray("payloads").stream().map(p -> ((JsonObject) p).getString("type")))
                            .containsExactlyElementsOf(EventReportBuilder.payloadTypes());
                    assertThat(interval.getJsonArray("payloads").getJsonObject(3).getJsonArray("values").getDouble(0))
                            .isEqualTo(120.0);
                    // AND the VEN is enrolled with both sites, and every request obeyed the contract
                    assertThat(((VtnTestServer.Reply) all.resultAt(1)).array()).hasSize(1);
                    assertThat(proxy.violations()).isEmpty();
                    assertThat(proxy.operations()).contains("fetchToken", "createVen", "createResource",
                            "searchAllEvents", "createReport");
                    testContext.completeNow();
                })));
    }
}
