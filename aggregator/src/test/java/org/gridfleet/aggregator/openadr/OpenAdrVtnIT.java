package org.gridfleet.aggregator.openadr;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The VTN face over loopback HTTP against a real database; every reply is checked against the 3.0.1 contract. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class OpenAdrVtnIT {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static VtnTestServer vtn;
    static String blToken;

    @BeforeAll
    static void startVtn(Vertx vertx, VertxTestContext testContext) {
        vtn = new VtnTestServer();
        vtn.start(Clock.fixed(NOW, ZoneOffset.UTC), OpenAdrVtnConfig.ofDefaults("http://localhost/openadr3"))
                .compose(s -> s.tokenFor("utility", "BL", null))
                .onComplete(testContext.succeeding(token -> {
                    blToken = token;
                    testContext.completeNow();
                }));
    }

    @AfterAll
    static void stopVtn(VertxTestContext testContext) {
        vtn.close().onComplete(testContext.succeedingThenComplete());
    }

    static JsonObject program(String name) {
        return new JsonObject().put("programName", name).put("payloadDescriptors", new JsonArray()
                .add(new JsonObject().put("objectType", "EVENT_PAYLOAD_DESCRIPTOR")
                        .put("payloadType", "IMPORT_CAPACITY_LIMIT").put("units", "KW")));
    }

    static JsonObject limitEvent(String programId, String siteId, double kw) {
        return new JsonObject().put("programID", programId).put("eventName", "congestion")
                .put("targets", new JsonArray().add(new JsonObject().put("type", "RESOURCE_NAME")
                        .put("values", new JsonArray().add(siteId))))
                .put("intervalPeriod", new JsonObject().put("start", "2026-11-28T17:00:00Z").put("duration", "PT1H"))
                .put("intervals", new JsonArray()
                        .add(new JsonObject().put("id", 0).put("payloads", new JsonArray().add(
                                new JsonObject().put("type", "IMPORT_CAPACITY_LIMIT").put("values", new JsonArray().add(kw)))))
                        .add(new JsonObject().put("id", 1).put("payloads", new JsonArray().add(
                                new JsonObject().put("type", "IMPORT_CAPACITY_LIMIT").put("values", new JsonArray().add(kw * 2))))));
    }

    @Test
    void createEventShouldHandListenerImportCapacityLimitsWhenEventTargetsASite(VertxTestContext testContext) {
        // GIVEN a program
        vtn.call(POST, "/programs", "createProgram", blToken, program("congestion-north"))
                // WHEN the utility posts a two-interval IMPORT_CAPACITY_LIMIT event for site-7
                .compose(p -> vtn.call(POST, "/events", "createEvent", blToken,
                        limitEvent(p.json().getString("id"), "site-7", 150.0)))
                .onComplete(testContext.succeeding(reply -> testContext.verify(() -> {
                    // THEN it is created and the listener hears both windows for that site
                    assertThat(reply.status()).isEqualTo(201);
                    String eventId = reply.json().getString("id");
                    assertThat(reply.json().getString("objectType")).isEqualTo("EVENT");
                    assertThat(vtn.obligations()).filteredOn(c -> c.eventId().equals(eventId)).singleElement()
                            .satisfies(call -> assertThat(call.obligations()).containsExactly(
                                    new GridObligation.ImportCapacityLimit(eventId, new GridTarget.Site("site-7"),
                                            Instant.parse("2026-11-28T17:00:00Z"), Instant.parse("2026-11-28T18:00:00Z"), 150.0),
                                    new GridObligation.ImportCapacityLimit(eventId, new GridTarget.Site("site-7"),
                                            Instant.parse("2026-11-28T18:00:00Z"), Instant.parse("2026-11-28T19:00:00Z"), 300.0)));
                    testContext.completeNow();
                })));
    }

    @Test
    void programCrudShouldRoundTripWhenBlWrites(VertxTestContext testContext) {
        // GIVEN a created program
        vtn.call(POST, "/programs", "createProgram", blToken, program("crud-1")).compose(created -> {
            String id = created.json().getString("id");
            // WHEN it is read, renamed, listed and deleted
            return vtn.call(GET, "/programs/" + id, "searchProgramByProgramId", blToken, null)
                    .compose(read -> vtn.call(PUT, "/programs/" + id, "updateProgram", blToken, program("crud-1b")))
                    .compose(updated -> vtn.call(GET, "/programs?skip=0&limit=50", "searchAllPrograms", blToken, null)
                            .compose(list -> vtn.call(DELETE, "/programs/" + id, "deleteProgram", blToken, null)
                                    .compose(deleted -> vtn.call(GET, "/programs/" + id, "searchProgramByProgramId", blToken, null)
                                            .map(gone -> new JsonArray().add(updated.json()).add(list.array())
                                                    .add(deleted.status()).add(gone.status())))));
        }).onComplete(testContext.succeeding(results -> testContext.verify(() -> {
            // THEN each step answers as the contract says
            assertThat(results.getJsonObject(0).getString("programName")).isEqualTo("crud-1b");
            assertThat(results.getJsonArray(1).stream().map(o -> ((JsonObject) o).getString("programName")))
                    .contains("crud-1b");
            assertThat(results.getInteger(2)).isEqualTo(200);
            assertThat(results.getInteger(3)).isEqualTo(404);
            testContext.completeNow();
        })));
    }

    @Test
    void createEventShouldTreatNullPropertiesAsAbsentWhenClientSendsNulls(VertxTestContext testContext) {
        // GIVEN an event with "targets": null and "priority": null, as the contract's nullable fields allow
        vtn.call(POST, "/programs", "createProgram", blToken, program("nullable-fields"))
                .compose(p -> vtn.call(POST, "/events", "createEvent", blToken,
                        limitEvent(p.json().getString("id"), "site-9", 20.0).put("targets", null).put("priority", null)))
                .onComplete(testContext.succeeding(reply -> testContext.verify(() -> {
                    // THEN it is accepted and addressed to the whole portfolio
                    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
                    String eventId = reply.json().getString("id");
                    assertThat(vtn.obligations()).filteredOn(c -> c.eventId().equals(eventId)).singleElement()
                            .satisfies(call -> assertThat(call.obligations()).extracting(GridObligation::target)
                                    .containsOnly(new GridTarget.Portfolio()));
                    testContext.completeNow();
                })));
    }

    @Test
    void publishReportShouldStoreContractValidFlexibilityReportWhenEventExists(VertxTestContext testContext) {
        // GIVEN an event for site-3
        vtn.call(POST, "/programs", "createProgram", blToken, program("reported-program"))
                .compose(p -> vtn.call(POST, "/events", "createEvent", blToken, limitEvent(p.json().getString("id"), "site-3", 60.0)))
                // WHEN Gridfleet publishes its report and the utility reads reports of that event
                .compose(e -> vtn.module().publishReport(e.json().getString("id")).map(e.json().getString("id")))
                .compose(eventId -> vtn.call(GET, "/reports?eventID=" + eventId, "searchAllReports", blToken, null))
                .onComplete(testContext.succeeding(reply -> testContext.verify(() -> {
                    // THEN one report per the contract carries the flexibility of site-3 for both intervals
                    assertThat(reply.array()).hasSize(1);
                    JsonObject report = reply.array().getJsonObject(0);
                    assertThat(report.getString("clientName")).isEqualTo("gridfleet");
                    JsonObject resource = report.getJsonArray("resources").getJsonObject(0);
                    assertThat(resource.getString("resourceName")).isEqualTo("site-3");
                    assertThat(resource.getJsonArray("intervals")).hasSize(2);
                    JsonObject up = resource.getJsonArray("intervals").getJsonObject(1).getJsonArray("payloads").stream()
                            .map(JsonObject.class::cast).filter(p -> p.getString("type").equals("UP_REGULATION_AVAILABLE"))
                            .findFirst().orElseThrow();
                    assertThat(up.getJsonArray("values").getDouble(0)).isEqualTo(VtnTestServer.READING.upRegulationKw());
                    testContext.completeNow();
                })));
    }
}
