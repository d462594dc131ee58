package org.gridfleet.aggregator.openadr;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.openadr.store.StoredObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets the contract's problem object with 400, a detail naming the field, and changes nothing. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class OpenAdrBadInputIT {

    static VtnTestServer vtn;
    static String bl;
    static String programId;

    @BeforeAll
    static void setUp(Vertx vertx, VertxTestContext testContext) {
        vtn = new VtnTestServer();
        vtn.start(Clock.fixed(OpenAdrVtnIT.NOW, ZoneOffset.UTC), OpenAdrVtnConfig.ofDefaults("http://localhost/openadr3"))
                .compose(s -> s.tokenFor("utility", "BL", null)).onSuccess(t -> bl = t)
                .compose(t -> vtn.call(POST, "/programs", "createProgram", bl, OpenAdrVtnIT.program("bad-input")))
                .onComplete(testContext.succeeding(p -> {
                    programId = p.json().getString("id");
                    testContext.completeNow();
                }));
    }

    @AfterAll
    static void tearDown(VertxTestContext testContext) {
        vtn.close().onComplete(testContext.succeedingThenComplete());
    }

    /** Sends a bad request and returns [reply, events before, events after, listener calls before, after]. */
    private Future<Object[]> refused(HttpMethod method, String path, String operationId, Object body) {
        int callsBefore = vtn.obligations().size();
        return vtn.store().list(org.gridfleet.aggregator.openadr.ObjectType.EVENT, null, null).compose(before ->
                vtn.call(method, path, operationId, bl, body).compose(reply ->
                        vtn.store().list(org.gridfleet.aggregator.openadr.ObjectType.EVENT, null, null).map(after ->
                                new Object[] {reply, ids(before), ids(after), callsBefore, vtn.obligations().size()})));
    }

    private static java.util.List<String> ids(java.util.List<StoredObject> objects) {
        return objects.stream().map(StoredObject::id).toList();
    }

    private static void assertRefused(Object[] r, String detailStart) {
        VtnTestServer.Reply reply = (VtnTestServer.Reply) r[0];
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getInteger("status")).isEqualTo(400);
        assertThat(reply.json().getString("detail")).as(reply.body().toString()).contains(detailStart);
        assertThat(r[2]).isEqualTo(r[1]);
        assertThat(r[4]).isEqualTo(r[3]);
    }

    @Test
    void createEventShouldAnswer400WhenPayloadTypeIsUnknown(VertxTestContext testContext) {
        // GIVEN an event whose second interval carries a payload type Gridfleet cannot honour
        JsonObject event = OpenAdrVtnIT.limitEvent(programId, "site-1", 100.0);
        event.getJsonArray("intervals").getJsonObject(1).getJsonArray("payloads").getJsonObject(0).put("type", "WOBBLE");
        // WHEN it is posted
        refused(POST, "/events", "createEvent", event).onComplete(testContext.succeeding(r -> testContext.verify(() -> {
            // THEN 400 names the payload and nothing is stored or signalled
            assertRefused(r, "intervals[1].payloads[0].type");
            testContext.completeNow();
        })));
    }

    @Test
    void createEventShouldAnswer400WhenIntervalHasNoDuration(VertxTestContext testContext) {
        // GIVEN an event with a start but no duration anywhere
        JsonObject event = OpenAdrVtnIT.limitEvent(programId, "site-1", 100.0);
        event.getJsonObject("intervalPeriod").remove("duration");
        // WHEN it is posted
        refused(POST, "/events", "createEvent", event).onComplete(testContext.succeeding(r -> testContext.verify(() -> {
            // THEN 400 names the missing duration
            assertRefused(r, "intervals[0].intervalPeriod.duration");
            testContext.completeNow();
        })));
    }

    @Test
    void createEventShouldAnswer400WhenBodyIsMalformedJson(VertxTestContext testContext) {
        // WHEN a truncated JSON body is posted
        refused(POST, "/events", "createEvent", Buffer.buffer("{\"programID\": \"" + programId + "\", \"intervals\": ["))
                .onComplete(testContext.succeeding(r -> testContext.verify(() -> {
                    // THEN the problem names the unfinished field and says the body is not JSON (the shared JsonBodyGuard)
                    assertRefused(r, "intervals: is not valid JSON");
                    testContext.completeNow();
                })));
    }

    @Test
    void createEventShouldAnswer400WhenRequiredFieldIsMissing(VertxTestContext testContext) {
        // WHEN an event without intervals (required by the contract) is posted
        refused(POST, "/events", "createEvent", new JsonObject().put("programID", programId))
                .onComplete(testContext.succeeding(r -> testContext.verify(() -> {
                    // THEN the contract validation names the missing property
                    assertRefused(r, "intervals");
                    testContext.completeNow();
                })));
    }

    @Test
    void searchAllEventsShouldAnswer400WhenLimitExceedsFifty(VertxTestContext testContext) {
        // WHEN a page of 51 is asked for (the contract caps limit at 50)
        refused(GET, "/events?limit=51", "searchAllEvents", null).onComplete(testContext.succeeding(r -> testContext.verify(() -> {
            // THEN it is refused naming the parameter
            assertRefused(r, "limit");
            testContext.completeNow();
        })));
    }

    @Test
    void createEventShouldAnswer400WhenNegativeLimitIsSent(VertxTestContext testContext) {
        // GIVEN an IMPORT_CAPACITY_LIMIT of -5 kW
        JsonObject event = OpenAdrVtnIT.limitEvent(programId, "site-1", -5.0);
        refused(POST, "/events", "createEvent", event).onComplete(testContext.succeeding(r -> testContext.verify(() -> {
            // THEN it is refused naming the value
            assertRefused(r, "intervals[0].payloads[0]");
            testContext.completeNow();
        })));
    }

    @Test
    void createEventShouldAnswer400WhenTargetTypeCannotBeResolved(VertxTestContext testContext) {
        // GIVEN an event for a SERVICE_AREA, which Gridfleet does not map to its sites
        JsonObject event = OpenAdrVtnIT.limitEvent(programId, "site-1", 10.0).put("targets", new JsonArray()
                .add(new JsonObject().put("type", "SERVICE_AREA").put("values", new JsonArray().add("north"))));
        refused(POST, "/events", "createEvent", event).onComplete(testContext.succeeding(r -> testContext.verify(() -> {
            assertRefused(r, "targets[0].type");
            testContext.completeNow();
        })));
    }
}
