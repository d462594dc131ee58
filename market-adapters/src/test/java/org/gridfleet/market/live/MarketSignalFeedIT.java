package org.gridfleet.market.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live signal feed over loopback HTTP. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class MarketSignalFeedIT {

    private static final Product REGD = new Product("pjm-regd", ProductKind.REGULATION, Duration.ofHours(1),
            Duration.ofSeconds(2), 100, 1e6, true);
    private static final Product FCR = new Product("fcr", ProductKind.FREQUENCY_CONTAINMENT, Duration.ofHours(4),
            Duration.ofSeconds(1), 1000, 1e6, true);

    /** A received sample. */
    record Received(String productId, Instant at, double value) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private MarketSignalFeed feed;
    private HttpClient client;
    private WebSocketClient wsClient;

    @BeforeEach
    void deploy(Vertx vertx, VertxTestContext ctx) {
        feed = new MarketSignalFeed(List.of(REGD, FCR),
                (p, at, v) -> received.add(new Received(p, at, v)), "127.0.0.1", 0);
        client = vertx.createHttpClient();
        vertx.deployVerticle(feed).onComplete(ctx.succeedingThenComplete());
    }

    @AfterEach
    void close(VertxTestContext ctx) {
        Future<Void> ws = wsClient == null ? Future.succeededFuture() : wsClient.close();
        Future.all(client.close(), ws).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void postShouldDeliverSamplesInOrderWhenBodyIsValid(VertxTestContext ctx) {
        // GIVEN two RegD samples and one frequency sample
        String regd = "{\"samples\":[{\"at\":\"2026-01-15T22:00:00Z\",\"value\":-0.31},"
                + "{\"at\":\"2026-01-15T22:00:02Z\",\"value\":0.5}]}";
        String fcr = "{\"samples\":[{\"at\":\"2026-01-15T22:00:00Z\",\"value\":50.031}]}";
        // WHEN posted
        post("/signals/pjm-regd", regd).compose(r1 -> post("/signals/fcr", fcr).map(r2 -> List.of(r1, r2)))
                .onComplete(ctx.succeeding(rs -> ctx.verify(() -> {
                    // THEN both are accepted and the sink saw every sample in order
                    assertThat(rs).extracting(HttpClientResponse::statusCode).containsExactly(204, 204);
                    assertThat(received).containsExactly(
                            new Received("pjm-regd", Instant.parse("2026-01-15T22:00:00Z"), -0.31),
                            new Received("pjm-regd", Instant.parse("2026-01-15T22:00:02Z"), 0.5),
                            new Received("fcr", Instant.parse("2026-01-15T22:00:00Z"), 50.031));
                    ctx.completeNow();
                })));
    }

    @Test
    void postShouldRejectWholeBatchWhenOneSampleIsBad(VertxTestContext ctx) {
        // GIVEN a batch whose second sample is out of the regulation range
        String body = "{\"samples\":[{\"at\":\"2026-01-15T22:00:00Z\",\"value\":0.1},"
                + "{\"at\":\"2026-01-15T22:00:02Z\",\"value\":3}]}";
        // WHEN posted
        postForProblem("/signals/pjm-regd", body).onComplete(ctx.succeeding(p -> ctx.verify(() -> {
            // THEN 400 names the field, and no sample was delivered
            assertThat(p.getInteger("status")).isEqualTo(400);
            assertThat(p.getString("detail")).startsWith("samples[1].value 3.0 is out of range");
            assertThat(received).isEmpty();
            ctx.completeNow();
        })));
    }

    @Test
    void postShouldAnswerConflictWhenSampleIsNotAfterTheLastAccepted(VertxTestContext ctx) {
        String first = "{\"samples\":[{\"at\":\"2026-01-15T22:00:02Z\",\"value\":0.1}]}";
        String stale = "{\"samples\":[{\"at\":\"2026-01-15T22:00:02Z\",\"value\":0.2}]}";
        post("/signals/pjm-regd", first).compose(r -> postForProblem("/signals/pjm-regd", stale))
                .onComplete(ctx.succeeding(p -> ctx.verify(() -> {
                    assertThat(p.getInteger("status")).isEqualTo(409);
                    assertThat(p.getString("detail")).contains("samples[0].at 2026-01-15T22:00:02Z is not after");
                    assertThat(received).hasSize(1);
                    ctx.completeNow();
                })));
    }

    @Test
    void postShouldAnswerProblemWhenProductIsUnknownOrJsonMalformed(VertxTestContext ctx) {
        postForProblem("/signals/nope", "{\"samples\":[]}")
                .compose(p404 -> postForProblem("/signals/fcr", "{not json").map(p400 -> List.of(p404, p400)))
                .onComplete(ctx.succeeding(ps -> ctx.verify(() -> {
                    assertThat(ps.get(0).getInteger("status")).isEqualTo(404);
                    assertThat(ps.get(0).getString("detail")).isEqualTo("no product 'nope'");
                    assertThat(ps.get(1).getInteger("status")).isEqualTo(400);
                    assertThat(ps.get(1).getString("detail")).contains("JSON object with a 'samples' array");
                    ctx.completeNow();
                })));
    }

    @Test
    void postShouldAnswerTooLargeWhenBodyExceedsTheCap(VertxTestContext ctx) {
        // GIVEN a body one byte over the cap
        String body = "x".repeat(MarketSignalFeed.MAX_BODY_BYTES + 1);
        // WHEN posted THEN 413 and nothing delivered
        postForProblem("/signals/pjm-regd", body).onComplete(ctx.succeeding(p -> ctx.verify(() -> {
            assertThat(p.getInteger("status")).isEqualTo(413);
            assertThat(received).isEmpty();
            ctx.completeNow();
        })));
    }

    @Test
    void streamShouldAcknowledgeEachBatchAndReportProblemsWhenOverWebSocket(Vertx vertx, VertxTestContext ctx) {
        // GIVEN a WebSocket on the RegD stream
        List<JsonObject> replies = new CopyOnWriteArrayList<>();
        String good = "{\"samples\":[{\"at\":\"2026-01-15T22:00:00Z\",\"value\":0.25},"
                + "{\"at\":\"2026-01-15T22:00:02Z\",\"value\":0.5}]}";
        String stale = "{\"samples\":[{\"at\":\"2026-01-15T22:00:01Z\",\"value\":0.1}]}";
        wsClient = vertx.createWebSocketClient();
        wsClient.connect(feed.actualPort(), "127.0.0.1", "/signals/pjm-regd/stream")
                .onComplete(ctx.succeeding(ws -> {
                    ws.textMessageHandler(text -> {
                        replies.add(new JsonObject(text));
                        if (replies.size() == 2) {
                            ctx.verify(() -> {
                                // THEN the first batch is acknowledged, the stale one refused, the socket stays open
                                assertThat(replies.get(0).getInteger("accepted")).isEqualTo(2);
                                assertThat(replies.get(1).getInteger("status")).isEqualTo(409);
                                assertThat(received).extracting(Received::value).containsExactly(0.25, 0.5);
                                ctx.completeNow();
                            });
                        }
                    });
                    // WHEN a good batch and then a stale one are sent
                    ws.writeTextMessage(good).compose(v -> ws.writeTextMessage(stale));
                }));
    }

    @Test
    void streamShouldCloseWhenProductIsUnknown(Vertx vertx, VertxTestContext ctx) {
        wsClient = vertx.createWebSocketClient();
        wsClient.connect(feed.actualPort(), "127.0.0.1", "/signals/nope/stream")
                .onComplete(ctx.succeeding(ws -> ws.closeHandler(v -> ctx.verify(() -> {
                    assertThat(ws.closeStatusCode()).isEqualTo((short) 1008);
                    ctx.completeNow();
                }))));
    }

    private Future<HttpClientResponse> post(String path, String body) {
        return client.request(HttpMethod.POST, feed.actualPort(), "127.0.0.1", path)
                .compose(req -> req.putHeader("Content-Type", "application/json").send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> resp));
    }

    private Future<JsonObject> postForProblem(String path, String body) {
        return client.request(HttpMethod.POST, feed.actualPort(), "127.0.0.1", path)
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(resp -> {
                    assertThat(resp.getHeader("Content-Type")).isEqualTo("application/problem+json");
                    return resp.body();
                })
                .map(Buffer::toJsonObject);
    }
}
