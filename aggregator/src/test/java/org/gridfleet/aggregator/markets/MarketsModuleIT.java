package org.gridfleet.aggregator.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.markets.DeskFixtures.GATE;
import static org.gridfleet.aggregator.markets.DeskFixtures.HOUR;
import static org.gridfleet.aggregator.markets.DeskFixtures.OFFER_ID;
import static org.gridfleet.aggregator.markets.DeskFixtures.REGD;
import static org.gridfleet.aggregator.markets.DeskFixtures.T0;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.aggregator.http.ApiContext;
import org.gridfleet.aggregator.http.AuthHandler;
import org.gridfleet.aggregator.http.ContractValidator;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.aggregator.tenant.TenantStore;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.gridfleet.market.ObligationState;
import org.gridfleet.market.live.MarketSignalFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The market desk inside the real server on loopback: a market pushes an award, delivery starts, signals pushed over
 * HTTP (and the market's WebSocket feed) reach the inbox in order, the obligation settles; bad input is refused
 * with nothing recorded; a new module over the same database keeps the award.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MarketsModuleIT {

    private static final String MARKETS = MarketsModule.MOUNT_POINT;

    private final SettableClock clock = new SettableClock(GATE.minus(Duration.ofMinutes(10)));
    private final RecordingInbox inbox = new RecordingInbox();
    private MarketsModule module;
    private TestServer server;
    private MarketDesk desk;
    private String utility;
    private String ops;

    @BeforeEach
    void start() {
        module = module(inbox);
        server = TestServer.start(MarketsModuleIT.class, clock, vertx -> List.of(module));
        desk = module.desk().await();
        utility = server.tenantToken("iso", "utility");
        ops = server.tenantToken("control-room", "ops");
    }

    @AfterEach
    void stop() {
        module.stop().await();
        server.close();
    }

    /** A push-only market (no recorded prices), ticks only when the test says so. */
    private MarketsModule module(GridServiceInbox to) {
        return new MarketsModule(DeskFixtures.market(clock), DeskFixtures.config(), period -> DeskFixtures.depot(),
                o -> new DeliveryScores.DeliveryScore(0.9, 2), to);
    }

    private void tickAt(Instant t) {
        clock.set(t);
        desk.tick().await();
    }

    private static JsonObject award(double kw) {
        return new JsonObject().put("offerId", OFFER_ID).put("periodStart", HOUR.start().toString())
                .put("periodEnd", HOUR.end().toString()).put("awardedKw", kw)
                .put("capabilityClearingPricePerMwh", 20.0).put("performanceClearingPricePerMw", 1.0);
    }

    private HttpResponse<Buffer> signal(String product, Instant at, Object value) {
        return server.post(utility, MARKETS + "/signals",
                new JsonObject().put("product", product).put("at", at.toString()).put("value", value));
    }

    @Test
    void awardedObligationShouldDeliverPushedSignalsInOrderAndSettleWhenTheMarketPushesTheAward() {
        // GIVEN the desk offered the hour before the gate
        tickAt(GATE.minus(Duration.ofMinutes(10)));
        JsonArray offers = server.get(ops, MARKETS + "/offers").bodyAsJsonObject().getJsonArray("items");
        assertThat(offers).hasSize(1);
        assertThat(offers.getJsonObject(0).getString("state")).isEqualTo("OFFERED");
        // WHEN the market pushes its award
        HttpResponse<Buffer> pushed = server.post(utility, MARKETS + "/awards", award(150));
        // THEN it is an obligation with a declared baseline
        assertThat(pushed.statusCode()).as(pushed.bodyAsString()).isEqualTo(200);
        assertThat(pushed.bodyAsJsonObject().getString("state")).isEqualTo("AWARDED");
        JsonObject listed = server.get(ops, MARKETS + "/obligations").bodyAsJsonObject().getJsonArray("items")
                .getJsonObject(0);
        assertThat(listed.getDouble("awardedKw")).isEqualTo(150);
        assertThat(listed.getDouble("baselineKw")).isZero();
        assertThat(listed.getString("periodStart")).isEqualTo(T0.toString());

        // WHEN delivery starts and the market sends its signal over HTTP and over its WebSocket feed
        tickAt(T0.plusSeconds(5));
        assertThat(inbox.calls).containsExactly("activated " + OFFER_ID + " 150.0 0.0");
        for (int s = 1; s <= 3; s++) {
            HttpResponse<Buffer> r = signal("pjm-regd", T0.plusSeconds(2L * s), 0.25 * s);
            assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
            assertThat(r.bodyAsJsonObject().getInteger("obligations")).isEqualTo(1);
        }
        assertThat(streamOverWebSocket()).isEqualTo(new JsonObject().put("accepted", 1));

        // THEN the inbox got every sample, in order
        assertThat(inbox.calls).containsExactly("activated " + OFFER_ID + " 150.0 0.0",
                "signal " + OFFER_ID + " " + T0.plusSeconds(2) + " 0.25",
                "signal " + OFFER_ID + " " + T0.plusSeconds(4) + " 0.5",
                "signal " + OFFER_ID + " " + T0.plusSeconds(6) + " 0.75",
                "signal " + OFFER_ID + " " + T0.plusSeconds(8) + " -0.5");

        // AND after the hour the obligation is settled, the dispatcher released, and every step is on record
        tickAt(HOUR.end());
        assertThat(inbox.calls).last().isEqualTo("ended " + OFFER_ID);
        JsonObject settled = server.get(ops, MARKETS + "/obligations").bodyAsJsonObject().getJsonArray("items")
                .getJsonObject(0);
        assertThat(settled.getString("state")).isEqualTo("SETTLED");
        assertThat(settled.getJsonObject("settlement").getDouble("capabilityCredit")).isCloseTo(0.15 * 0.9 * 20,
                org.assertj.core.api.Assertions.within(1e-9));
        JsonArray transitions = server.get(ops, MARKETS + "/obligations/" + OFFER_ID + "/transitions")
                .bodyAsJsonObject().getJsonArray("items");
        assertThat(transitions.stream().map(t -> ((JsonObject) t).getString("to") + " by "
                + ((JsonObject) t).getString("actor").replaceAll(":.*", ":tenant")))
                .containsExactly("OFFERED by desk", "AWARDED by utility:tenant", "DELIVERING by desk",
                        "SETTLED by desk");
    }

    @Test
    void badSignalsAndAwardsShouldBeRefusedWithASpecificProblemAndRecordNothing() {
        tickAt(GATE.minus(Duration.ofMinutes(10)));
        server.post(utility, MARKETS + "/awards", award(150));
        tickAt(T0.plusSeconds(10));
        assertThat(signal("pjm-regd", T0.plusSeconds(4), 0.1).statusCode()).isEqualTo(200);
        inbox.calls.clear();
        // signals: out of range, stale, in the future, unknown product, mistyped, wrong role
        assertProblem(signal("pjm-regd", T0.plusSeconds(6), 1.5), 400, "value");
        assertProblem(signal("pjm-regd", T0.plusSeconds(4), 0.1), 400, "at");
        assertProblem(signal("pjm-regd", T0.plusSeconds(60), 0.1), 400, "at");
        assertProblem(signal("fcr", T0.plusSeconds(6), 50.0), 400, "product");
        assertProblem(signal("pjm-regd", T0.plusSeconds(6), "high"), 400, "value");
        assertProblem(server.post(ops, MARKETS + "/signals", new JsonObject().put("product", "pjm-regd")
                .put("at", T0.plusSeconds(6).toString()).put("value", 0.1)), 403, null);
        assertProblem(server.get(server.tenantToken("acme", "fleet-owner"), MARKETS + "/obligations"), 403, null);
        // awards: not an open offer (already awarded, unknown), negative kW, no token
        assertProblem(server.post(utility, MARKETS + "/awards", award(100)), 409, null);
        assertProblem(server.post(utility, MARKETS + "/awards", award(100).put("offerId", "x")), 409, null);
        assertProblem(server.post(utility, MARKETS + "/awards", award(-1)), 400, "awardedKw");
        assertThat(server.client.get(MARKETS + "/obligations").send().await().statusCode()).isEqualTo(401);
        // THEN nothing reached the inbox and the obligation is as it was
        assertThat(inbox.calls).isEmpty();
        assertThat(desk.obligations()).singleElement().satisfies(o -> assertThat(o.awardedKw()).isEqualTo(150));
        assertThat(signal("pjm-regd", T0.plusSeconds(6), 0.1).statusCode()).isEqualTo(200);
    }

    @Test
    void newModuleOverTheSameDatabaseShouldKeepTheAwardedObligationWhenTheServerRestarts() throws IOException {
        // GIVEN an acknowledged award
        tickAt(GATE.minus(Duration.ofMinutes(10)));
        assertThat(server.post(utility, MARKETS + "/awards", award(150)).statusCode()).isEqualTo(200);
        module.stop().await();
        // WHEN a new module is mounted over the same database (what a restarted server does)
        RecordingInbox afterRestart = new RecordingInbox();
        module = module(afterRestart);
        Jdbc jdbc = new Jdbc(server.vertx, server.dataSource);
        module.router(server.vertx, new ApiContext(clock, server.dataSource, jdbc,
                new AuthHandler(jdbc, new TenantStore(clock), clock), ContractValidator.load(server.vertx, contract()).await(),
                server.meters));
        MarketDesk restarted = module.desk().await();
        // THEN the award is there, and delivery starts from it
        assertThat(restarted.obligations()).singleElement().satisfies(o -> {
            assertThat(o.state()).isEqualTo(ObligationState.AWARDED);
            assertThat(o.awardedKw()).isEqualTo(150);
            assertThat(o.offer().product()).isEqualTo(REGD);
        });
        clock.set(T0);
        restarted.tick().await();
        assertThat(afterRestart.calls).containsExactly("activated " + OFFER_ID + " 150.0 0.0");
    }

    /** One batch over the market's WebSocket feed, its sink being the module's; answers the feed's reply. */
    private JsonObject streamOverWebSocket() {
        MarketSignalFeed feed = new MarketSignalFeed(List.of(REGD), module.signalSink(), "127.0.0.1", 0);
        server.vertx.deployVerticle(feed).await();
        // the feed listens once deployed; the client stays referenced until closed, since Vert.x 5 shuts an
        // unreferenced client down when it is collected, aborting a handshake in progress (vert.x issue #5839)
        WebSocketClient client = server.vertx.createWebSocketClient();
        try {
            WebSocket ws = client.connect(feed.actualPort(), "127.0.0.1", "/signals/pjm-regd/stream").await();
            Promise<JsonObject> reply = Promise.promise();
            ws.textMessageHandler(text -> reply.tryComplete(new JsonObject(text)));
            ws.writeTextMessage(new JsonObject().put("samples", new JsonArray().add(new JsonObject()
                    .put("at", T0.plusSeconds(8).toString()).put("value", -0.5))).encode()).await();
            JsonObject answer = reply.future().await();
            ws.close().await();
            return answer;
        } finally {
            client.close().await();
        }
    }

    private static void assertProblem(HttpResponse<Buffer> r, int status, String field) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
        if (field != null) {
            assertThat(r.bodyAsJsonObject().getString("field")).isEqualTo(field);
        }
    }

    private static byte[] contract() throws IOException {
        try (InputStream in = MarketsModuleIT.class.getClassLoader().getResourceAsStream(ContractValidator.RESOURCE)) {
            return in.readAllBytes();
        }
    }
}
