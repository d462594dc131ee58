package org.gridfleet.aggregator.markets;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.gridfleet.aggregator.http.ApiContext;
import org.gridfleet.aggregator.http.AuthHandler;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.aggregator.http.Page;
import org.gridfleet.aggregator.http.Responses;
import org.gridfleet.aggregator.http.RouteModule;
import org.gridfleet.aggregator.tenant.Principal;
import org.gridfleet.aggregator.tenant.Role;
import org.gridfleet.market.MarketAdapter;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.Product;
import org.gridfleet.market.live.SignalSink;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The market desk inside {@code gridfleet serve}: builds the {@link MarketDesk} over the server's database and clock
 * when mounted, starts it (restoring stored obligations) and serves {@value #MOUNT_POINT}:
 * {@code GET /obligations}, {@code GET /obligations/{offerId}/transitions}, {@code GET /offers} (admin, ops,
 * utility) and {@code POST /awards}, {@code POST /signals} (admin, utility). Requests wait until the stored
 * obligations are back.
 */
public final class MarketsModule implements RouteModule {

    public static final String MOUNT_POINT = "/api/v1/markets";
    private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.OPS, Role.UTILITY);
    private static final Set<Role> MARKET_OPERATORS = EnumSet.of(Role.ADMIN, Role.UTILITY);

    private final MarketAdapter market;
    private final MarketDeskConfig config;
    private final FlexibilityPlanSource plans;
    private final DeliveryScores scores;
    private final GridServiceInbox inbox;
    private final Promise<MarketDesk> started = Promise.promise();
    private volatile SignalSink sink;

    /**
     * @param market the market adapter (live, or the replay/file face)
     * @param plans the fleet plan the bids and baselines come from (the live loop)
     * @param scores regulation delivery scores for settlement (the live loop)
     * @param inbox where obligations and live samples go (the live loop)
     */
    public MarketsModule(MarketAdapter market, MarketDeskConfig config, FlexibilityPlanSource plans,
                         DeliveryScores scores, GridServiceInbox inbox) {
        this.market = Objects.requireNonNull(market, "market");
        this.config = Objects.requireNonNull(config, "config");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.scores = Objects.requireNonNull(scores, "scores");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
    }

    @Override
    public String mountPoint() {
        return MOUNT_POINT;
    }

    @Override
    public Router router(Vertx vertx, ApiContext context) {
        MarketDesk desk = new MarketDesk(vertx, market, config, new ObligationStore(context.dataSource()), plans,
                scores, inbox, context.clock());
        Map<String, Product> traded = new HashMap<>();
        config.products().forEach(t -> traded.put(t.product().id(), t.product()));
        SignalGate gate = new SignalGate(traded::get, desk::delivering, inbox, context.clock(),
                config.signalFutureTolerance());
        sink = gate.sink();
        desk.start().map(desk).onComplete(started);

        Router router = Router.router(vertx);
        router.route().handler(context.auth()).handler(context.contract()).handler(this::whenStarted);
        router.get("/obligations").handler(only(READERS))
                .handler(rc -> page(rc, desk, o -> o.award() != null, MarketsJson::obligation));
        router.get("/offers").handler(only(READERS)).handler(rc -> page(rc, desk, o -> true, MarketsJson::offer));
        router.get("/obligations/:offerId/transitions").handler(only(READERS))
                .handler(rc -> Responses.ok(rc, c -> transitions(desk, c.pathParam("offerId"))));
        router.post("/awards").handler(only(MARKET_OPERATORS)).handler(rc -> Responses.ok(rc,
                c -> desk.pushAward(MarketsJson.award(Responses.body(c)), actor(AuthHandler.principal(c)))
                        .map(MarketsJson::obligation)));
        router.post("/signals").handler(only(MARKET_OPERATORS)).handler(rc -> Responses.ok(rc, c -> {
            JsonObject body = Responses.body(c);
            String product = body.getString("product");
            Instant at = MarketsJson.instant(body, "at");
            int reached = gate.accept(product, at, MarketsJson.number(body, "value"));
            return Future.succeededFuture(new JsonObject().put("product", product).put("at", at.toString())
                    .put("obligations", reached));
        }));
        return router;
    }

    /** The desk, once mounted and restored; fails if the stored obligations cannot be restored. */
    public Future<MarketDesk> desk() {
        return started.future();
    }

    /**
     * For a {@link org.gridfleet.market.live.MarketSignalFeed} (WebSocket or HTTP face of the market): samples go
     * through the same checks as {@code POST /signals}; refused ones are dropped and logged. Before mounting,
     * samples are dropped.
     */
    public SignalSink signalSink() {
        return (productId, at, value) -> {
            SignalSink s = sink;
            if (s != null) {
                s.accept(productId, at, value);
            }
        };
    }

    /** Stops the desk's timer and worker. */
    public Future<Void> stop() {
        return desk().compose(MarketDesk::stop);
    }

    private void whenStarted(RoutingContext rc) {
        started.future().onComplete(ar -> {
            if (ar.succeeded()) {
                rc.next();
            } else {
                rc.fail(GridfleetException.unavailable("the market desk could not restore its obligations",
                        ar.cause()));
            }
        });
    }

    private static Future<JsonObject> transitions(MarketDesk desk, String offerId) {
        if (desk.obligations().stream().noneMatch(o -> o.offerId().equals(offerId))) {
            throw GridfleetException.notFound("offer " + offerId);
        }
        return desk.transitions(offerId).map(ts -> new JsonObject().put("offerId", offerId)
                .put("items", new JsonArray(ts.stream().map(MarketsJson::transition).toList())));
    }

    private static void page(RoutingContext rc, MarketDesk desk, Predicate<Obligation> which,
                             Function<Obligation, JsonObject> json) {
        Responses.ok(rc, c -> {
            Page page = Page.from(c.queryParams());
            List<Obligation> all = desk.obligations().stream().filter(which).toList();
            JsonArray items = new JsonArray();
            all.stream().skip(page.offset()).limit(page.limit()).map(json).forEach(items::add);
            return Future.succeededFuture(page.body(items, all.size(), c.request().path()));
        });
    }

    private static Handler<RoutingContext> only(Set<Role> roles) {
        return rc -> {
            Role role = AuthHandler.principal(rc).role();
            if (roles.contains(role)) {
                rc.next();
            } else {
                rc.fail(GridfleetException.forbidden("role " + role.wireName() + " may not use this market resource"));
            }
        };
    }

    private static String actor(Principal p) {
        return p.role().wireName() + ":" + p.tenantId();
    }
}
