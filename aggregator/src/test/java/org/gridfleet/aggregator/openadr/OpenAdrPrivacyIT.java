package org.gridfleet.aggregator.openadr;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant privacy on the VTN: a VEN token reads only events addressed to it and only its own reports, VEN
 * object and resources; objects of another VEN answer 404 as if absent. Replies are contract-checked.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class OpenAdrPrivacyIT {

    static VtnTestServer vtn;
    static String bl;
    static String venA;
    static String venB;
    static String venAId;
    static String eventForA;
    static String reportOfA;

    @BeforeAll
    static void setUp(Vertx vertx, VertxTestContext testContext) {
        vtn = new VtnTestServer();
        vtn.start(Clock.fixed(OpenAdrVtnIT.NOW, ZoneOffset.UTC), OpenAdrVtnConfig.ofDefaults("http://localhost/openadr3"))
                .compose(s -> s.tokenFor("utility", "BL", null)).onSuccess(t -> bl = t)
                .compose(x -> vtn.tokenFor("ven-a-client", "VEN", "ven-a")).onSuccess(t -> venA = t)
                .compose(x -> vtn.tokenFor("ven-b-client", "VEN", "ven-b")).onSuccess(t -> venB = t)
                .compose(x -> enrol(venA, "ven-a", "site-a")).onSuccess(id -> venAId = id)
                .compose(x -> enrol(venB, "ven-b", "site-b"))
                .compose(x -> vtn.call(POST, "/programs", "createProgram", bl, OpenAdrVtnIT.program("private-program")))
                .compose(program -> {
                    JsonObject event = OpenAdrVtnIT.limitEvent(program.json().getString("id"), "ignored", 80.0)
                            .put("targets", new JsonArray().add(new JsonObject().put("type", "VEN_NAME")
                                    .put("values", new JsonArray().add("ven-a"))));
                    return vtn.call(POST, "/events", "createEvent", bl, event);
                })
                .onSuccess(event -> eventForA = event.json().getString("id"))
                .compose(event -> vtn.call(POST, "/reports", "createReport", venA, report(event.json(), "ven-a")))
                .onComplete(testContext.succeeding(report -> {
                    reportOfA = report.json().getString("id");
                    testContext.verify(() -> assertThat(report.status()).isEqualTo(201));
                    testContext.completeNow();
                }));
    }

    @AfterAll
    static void tearDown(VertxTestContext testContext) {
        vtn.close().onComplete(testContext.succeedingThenComplete());
    }

    static Future<String> enrol(String token, String venName, String site) {
        return vtn.call(POST, "/vens", "createVen", token, new JsonObject().put("venName", venName))
                .compose(ven -> vtn.call(POST, "/vens/" + ven.json().getString("id") + "/resources", "createResource",
                        token, new JsonObject().put("resourceName", site)).map(r -> ven.json().getString("id")));
    }

    static JsonObject report(JsonObject event, String clientName) {
        return new JsonObject().put("programID", event.getString("programID")).put("eventID", event.getString("id"))
                .put("clientName", clientName).put("resources", new JsonArray().add(new JsonObject()
                        .put("resourceName", "site-a").put("intervals", new JsonArray().add(new JsonObject().put("id", 0)
                                .put("payloads", new JsonArray().add(new JsonObject().put("type", "USAGE")
                                        .put("values", new JsonArray().add(12.5))))))));
    }

    @Test
    void searchEventsShouldHideEventWhenItTargetsAnotherVen(VertxTestContext testContext) {
        // GIVEN an event targeted at ven-a only
        // WHEN ven-b and ven-a list and fetch it
        Future.all(vtn.call(GET, "/events", "searchAllEvents", venB, null),
                        vtn.call(GET, "/events/" + eventForA, "searchEventsByID", venB, null),
                        vtn.call(GET, "/events", "searchAllEvents", venA, null))
                .onComplete(testContext.succeeding(all -> testContext.verify(() -> {
                    VtnTestServer.Reply listB = all.resultAt(0);
                    VtnTestServer.Reply getB = all.resultAt(1);
                    VtnTestServer.Reply listA = all.resultAt(2);
                    // THEN only ven-a sees it
                    assertThat(listB.array()).isEmpty();
                    assertThat(getB.status()).isEqualTo(404);
                    assertThat(listA.array().stream().map(e -> ((JsonObject) e).getString("id"))).containsExactly(eventForA);
                    testContext.completeNow();
                })));
    }

    @Test
    void searchReportsShouldHideReportWhenAnotherVenWroteIt(VertxTestContext testContext) {
        // WHEN ven-b lists and fetches reports, and the utility lists them
        Future.all(vtn.call(GET, "/reports", "searchAllReports", venB, null),
                        vtn.call(GET, "/reports/" + reportOfA, "searchReportsByReportID", venB, null),
                        vtn.call(GET, "/reports", "searchAllReports", bl, null))
                .onComplete(testContext.succeeding(all -> testContext.verify(() -> {
                    // THEN ven-b sees nothing, the utility sees ven-a's report
                    assertThat(((VtnTestServer.Reply) all.resultAt(0)).array()).isEmpty();
                    assertThat(((VtnTestServer.Reply) all.resultAt(1)).status()).isEqualTo(404);
                    assertThat(((VtnTestServer.Reply) all.resultAt(2)).array()).hasSize(1);
                    testContext.completeNow();
                })));
    }

    @Test
    void searchVenResourcesShouldAnswer404WhenVenBelongsToAnotherClient(VertxTestContext testContext) {
        // WHEN ven-b reads ven-a's resources and lists VENs
        Future.all(vtn.call(GET, "/vens/" + venAId + "/resources", "searchVenResources", venB, null),
                        vtn.call(GET, "/vens", "searchVens", venB, null),
                        vtn.call(GET, "/vens/" + venAId + "/resources", "searchVenResources", venA, null))
                .onComplete(testContext.succeeding(all -> testContext.verify(() -> {
                    // THEN the other VEN is invisible while the owner sees its site
                    assertThat(((VtnTestServer.Reply) all.resultAt(0)).status()).isEqualTo(404);
                    assertThat(((VtnTestServer.Reply) all.resultAt(1)).array().stream()
                            .map(v -> ((JsonObject) v).getString("venName"))).containsExactly("ven-b");
                    assertThat(((VtnTestServer.Reply) all.resultAt(2)).array().stream()
                            .map(v -> ((JsonObject) v).getString("resourceName"))).containsExactly("site-a");
                    testContext.completeNow();
                })));
    }

    @Test
    void createReportShouldAnswer400WhenVenReportsOnEventNotAddressedToIt(VertxTestContext testContext) {
        // WHEN ven-b reports on ven-a's event
        vtn.call(GET, "/events/" + eventForA, "searchEventsByID", bl, null)
                .compose(event -> vtn.call(POST, "/reports", "createReport", venB, report(event.json(), "ven-b")))
                .compose(reply -> vtn.call(GET, "/reports", "searchAllReports", bl, null).map(all -> new Object[] {reply, all}))
                .onComplete(testContext.succeeding(r -> testContext.verify(() -> {
                    // THEN it is refused as if the event did not exist and no report is stored
                    VtnTestServer.Reply reply = (VtnTestServer.Reply) r[0];
                    assertThat(reply.status()).isEqualTo(400);
                    assertThat(reply.json().getString("detail")).startsWith("eventID");
                    assertThat(((VtnTestServer.Reply) r[1]).array()).hasSize(1);
                    testContext.completeNow();
                })));
    }

    @Test
    void createProgramShouldAnswer403WhenVenTokenWrites(VertxTestContext testContext) {
        // WHEN a VEN tries to write a program, and a request comes without a token
        Future.all(vtn.call(POST, "/programs", "createProgram", venA, OpenAdrVtnIT.program("ven-made")),
                        vtn.call(GET, "/programs", "searchAllPrograms", null, null))
                .onComplete(testContext.succeeding(all -> testContext.verify(() -> {
                    // THEN both are forbidden with a problem naming why
                    VtnTestServer.Reply write = all.resultAt(0);
                    assertThat(write.status()).isEqualTo(403);
                    assertThat(write.json().getString("detail")).contains("write_programs");
                    assertThat(((VtnTestServer.Reply) all.resultAt(1)).status()).isEqualTo(403);
                    testContext.completeNow();
                })));
    }
}
