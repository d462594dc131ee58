package org.gridfleet.aggregator.openadr;

import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Subscription webhooks: the VTN POSTs a contract-valid {@code notification} with the subscriber's bearer
 * token, retries a failing callback, and only tells a VEN about events addressed to it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class WebhookNotificationIT {

    static VtnTestServer vtn;
    static HttpServer callback;
    static String bl;
    static String ven;

    @BeforeAll
    static void setUp(Vertx vertx, VertxTestContext testContext) {
        vtn = new VtnTestServer();
        OpenAdrVtnConfig config = OpenAdrVtnConfig.ofDefaults("http://localhost/openadr3").withAllowHttpCallbacks(true)
                .withWebhookBackoff(Duration.ofMillis(20));
        vtn.start(Clock.fixed(OpenAdrVtnIT.NOW, ZoneOffset.UTC), config)
                .compose(s -> s.tokenFor("utility", "BL", null)).onSuccess(t -> bl = t)
                .compose(t -> vtn.tokenFor("ven-hook", "VEN", "ven-hook"))
                .onComplete(testContext.succeeding(t -> {
                    ven = t;
                    testContext.completeNow();
                }));
    }

    @AfterAll
    static void tearDown(VertxTestContext testContext) {
        (callback == null ? vtn.close() : callback.close().compose(v -> vtn.close()))
                .onComplete(testContext.succeedingThenComplete());
    }

    @Test
    void createEventShouldNotifySubscriberWithValidNotificationAfterRetryingWhenCallbackFailsOnce(Vertx vertx,
                                                                                                   VertxTestContext testContext) {
        // GIVEN a callback that fails its first delivery and records the rest
        AtomicInteger attempts = new AtomicInteger();
        Checkpoint delivered = testContext.checkpoint();
        SchemaRepository schemas = SchemaRepository.create(new JsonSchemaOptions().setDraft(Draft.DRAFT4)
                .setBaseUri("https://gridfleet.test/openadr3.json"));
        schemas.dereference("https://gridfleet.test/openadr3.json",
                io.vertx.json.schema.JsonSchema.of(vtn.contract().contract().getRawContract()));
        vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (attempts.incrementAndGet() == 1) {
                request.response().setStatusCode(503).end();
                return;
            }
            request.response().end();
            testContext.verify(() -> {
                JsonObject notification = body.toJsonObject();
                OutputUnit valid = schemas.validator("https://gridfleet.test/openadr3.json#/components/schemas/notification")
                        .validate(notification);
                // THEN the second attempt carries a contract-valid notification of the event with the bearer token
                assertThat(valid.getValid()).as("notification validates: %s", valid.getErrors()).isTrue();
                assertThat(notification.getString("objectType")).isEqualTo("EVENT");
                assertThat(notification.getString("operation")).isEqualTo("POST");
                assertThat(notification.getJsonObject("object").getString("eventName")).isEqualTo("hooked");
                assertThat(request.getHeader("Authorization")).isEqualTo("Bearer hook-secret");
                assertThat(attempts.get()).isEqualTo(2);
            });
            delivered.flag();
        })).listen(0).compose(server -> {
            callback = server;
            return vtn.call(POST, "/programs", "createProgram", bl, OpenAdrVtnIT.program("hooked-program"));
        }).compose(program -> {
            String programId = program.json().getString("id");
            JsonObject subscription = new JsonObject().put("clientName", "ven-hook").put("programID", programId)
                    .put("objectOperations", new JsonArray().add(new JsonObject()
                            .put("objects", new JsonArray().add("EVENT")).put("operations", new JsonArray().add("CREATE"))
                            .put("callbackUrl", "http://localhost:" + callback.actualPort() + "/hook")
                            .put("bearerToken", "hook-secret")));
            // WHEN the VEN subscribes and the utility then posts an event addressed to that VEN
            return vtn.call(POST, "/subscriptions", "createSubscription", ven, subscription).compose(s -> {
                testContext.verify(() -> assertThat(s.status()).isEqualTo(201));
                JsonObject otherVen = OpenAdrVtnIT.limitEvent(programId, "site-x", 10.0).put("eventName", "not-yours")
                        .put("targets", new JsonArray().add(new JsonObject().put("type", "RESOURCE_NAME")
                                .put("values", new JsonArray().add("someone-elses-site"))));
                JsonObject forVen = OpenAdrVtnIT.limitEvent(programId, "site-x", 10.0).put("eventName", "hooked");
                forVen.remove("targets");
                return vtn.call(POST, "/events", "createEvent", bl, otherVen)
                        .compose(x -> vtn.call(POST, "/events", "createEvent", bl, forVen))
                        .onSuccess(created -> testContext.verify(() -> assertThat(created.status()).isEqualTo(201)));
            });
        }).onFailure(testContext::failNow);
    }

    @Test
    void createSubscriptionShouldAnswer400WhenCallbackIsNotHttpsAndHttpIsNotAllowed(Vertx vertx, VertxTestContext testContext) {
        // GIVEN a VTN with the production default (https callbacks only)
        VtnTestServer strict = new VtnTestServer();
        strict.start(Clock.fixed(OpenAdrVtnIT.NOW, ZoneOffset.UTC), OpenAdrVtnConfig.ofDefaults("http://localhost/openadr3"))
                .compose(s -> s.tokenFor("utility", "BL", null))
                .compose(token -> strict.call(POST, "/programs", "createProgram", token, OpenAdrVtnIT.program("p"))
                        .compose(p -> strict.call(POST, "/subscriptions", "createSubscription", token, new JsonObject()
                                .put("clientName", "bl").put("programID", p.json().getString("id"))
                                .put("objectOperations", new JsonArray().add(new JsonObject()
                                        .put("objects", new JsonArray().add("EVENT"))
                                        .put("operations", new JsonArray().add("CREATE"))
                                        .put("callbackUrl", "http://example.test/hook"))))))
                // WHEN a plain-http callback is subscribed
                .eventually(() -> strict.close())
                .onComplete(testContext.succeeding(reply -> testContext.verify(() -> {
                    // THEN it is refused naming the field
                    assertThat(reply.status()).isEqualTo(400);
                    assertThat(reply.json().getString("detail")).startsWith("objectOperations[0].callbackUrl");
                    testContext.completeNow();
                })));
    }
}
