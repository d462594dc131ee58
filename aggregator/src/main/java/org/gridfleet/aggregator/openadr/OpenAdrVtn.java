package org.gridfleet.aggregator.openadr;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import java.time.Clock;
import org.gridfleet.aggregator.http.JsonBodyGuard;
import org.gridfleet.aggregator.openadr.auth.OpenAdrTokenService;
import org.gridfleet.aggregator.openadr.auth.Scope;
import org.gridfleet.aggregator.openadr.grid.EventInterpreter;
import org.gridfleet.aggregator.openadr.grid.EventReportBuilder;
import org.gridfleet.aggregator.openadr.grid.FlexibilitySource;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;
import org.gridfleet.aggregator.openadr.vtn.OpenAdrContract;
import org.gridfleet.aggregator.openadr.vtn.VtnOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenADR 3.0.1 VTN face of Gridfleet: builds a Vert.x {@link Router} to mount at {@link #MOUNT_PATH}
 * ({@code /openadr3/programs}, {@code /openadr3/auth/token}, ...).
 *
 * <p>Every request is validated against the official 3.0.1 contract before a handler runs; the scope each
 * operation needs is read from that contract and enforced per client role (the contract's
 * {@code bearerAuth} alternative is not read as "any token will do"). JSON bodies pass the shared
 * {@link JsonBodyGuard} (nesting depth, number length, NUL, lone surrogates, duplicate keys) and the body size
 * limit before anything parses them. Failures are {@code problem} objects.
 */
public final class OpenAdrVtn {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAdrVtn.class);

    public static final String MOUNT_PATH = "/openadr3";

    private final Vertx vertx;
    private final OpenAdrStore store;
    private final Clock clock;
    private final OpenAdrTokenService tokens;
    private final GridObligationListener listener;
    private final FlexibilitySource flexibility;
    private final OpenAdrVtnConfig config;
    // set on the event loop by createRouter, read by publishReport callers on any thread
    private volatile VtnOperations operations;
    private volatile Future<Integer> restored;

    /**
     * @param listener    hears the grid obligations of every committed event write (and an empty list on delete)
     * @param flexibility feeds the reports Gridfleet publishes for events ({@link #publishReport})
     */
    public OpenAdrVtn(Vertx vertx, OpenAdrStore store, Clock clock, OpenAdrTokenService tokens,
                      GridObligationListener listener, FlexibilitySource flexibility, OpenAdrVtnConfig config) {
        this.vertx = vertx;
        this.store = store;
        this.clock = clock;
        this.tokens = tokens;
        this.listener = listener;
        this.flexibility = flexibility;
        this.config = config;
    }

    /** Loads the 3.0.1 contract from the classpath; load it once before building routers. */
    public static Future<OpenAdrContract.Loaded> loadContract(Vertx vertx) {
        return OpenAdrContract.load(vertx, OpenAdrContract.CLASSPATH_301);
    }

    /** Builds the router over a loaded contract ({@link #loadContract}); call once per VTN. */
    public Router createRouter(OpenAdrContract.Loaded contract) {
        RetryConfig retry = RetryConfig.custom().maxAttempts(config.webhookMaxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(config.webhookBackoff(), 2.0))
                .build();
        EventInterpreter interpreter = new EventInterpreter(clock, config.shedLevels());
        operations = new VtnOperations(vertx, store, clock, tokens, interpreter, listener,
                new EventReportBuilder(interpreter, flexibility), config.allowHttpCallbacks(), retry,
                config.webhookTimeout());

        RouterBuilder builder = RouterBuilder.create(vertx, contract.contract(), operations.requestExtractor());
        for (OpenAPIRoute route : builder.getRoutes()) {
            Operation operation = route.getOperation();
            Handler<RoutingContext> handler = operations.handler(operation.getOperationId());
            if (handler != null) {
                route.addHandler(requireScope(requiredScope(contract, operation))).addHandler(handler);
            }
            route.addFailureHandler(ProblemResponses::handleFailure);
        }

        restored = operations.announceStoredEvents()
                .onSuccess(n -> LOG.info("OpenADR: obligations of {} stored events announced", n))
                .onFailure(e -> LOG.error("OpenADR: stored events could not be announced; their obligations are missing", e));

        Router root = Router.router(vertx);
        root.route().handler(BodyHandler.create().setBodyLimit(config.maxBodyBytes()));
        // a write racing the start-up announcement could otherwise be overwritten by the stored, older version
        root.route().handler(ctx -> restored.onComplete(done -> ctx.next()));
        root.post("/auth/token").handler(operations.tokenEndpoint()).failureHandler(operations.tokenFailureHandler());
        // 3.1 makes /auth/server mandatory; serving it on 3.0.1 costs nothing and helps 3.1-aware clients.
        root.get("/auth/server").handler(ctx -> ctx.json(
                new JsonObject().put("tokenURL", config.publicBaseUrl() + "/auth/token")));
        // the same depth, number, NUL/surrogate and duplicate-key limits as /api/v1, before any parser runs;
        // after auth/token, whose refusals must stay the contract's authError
        root.route().handler(new JsonBodyGuard());
        root.route().handler(operations.authHandler());
        root.route("/*").subRouter(builder.createRouter());
        root.route().handler(ctx -> ctx.fail(OpenAdrException.notFound("no OpenADR resource at " + ctx.request().path())));
        root.route().failureHandler(ProblemResponses::handleFailure);
        return root;
    }

    /**
     * Stores Gridfleet's own report for an event (clientName {@code gridfleet}): USAGE, DEMAND, BASELINE,
     * UP/DOWN_REGULATION_AVAILABLE and STORAGE_* per interval and target, readable by BL clients.
     * Call after {@link #createRouter} has run, e.g. when the event's last interval has ended.
     */
    public Future<JsonObject> publishReport(String eventId) {
        if (operations == null) {
            return Future.failedFuture(new IllegalStateException("createRouter must run first"));
        }
        return operations.publishReport(eventId);
    }

    /**
     * Completes once the obligations of the events already stored (from before a restart) have been handed to
     * the listener, with their count; {@link #createRouter} starts it and holds VTN requests until then.
     */
    public Future<Integer> restored() {
        Future<Integer> started = restored;
        return started == null ? Future.failedFuture(new IllegalStateException("createRouter must run first")) : started;
    }

    private static Scope requiredScope(OpenAdrContract.Loaded contract, Operation operation) {
        String scope = contract.scopeByOperationId().get(operation.getOperationId());
        if (scope == null) {
            throw new IllegalStateException("operation " + operation.getOperationId() + " declares no OAuth2 scope");
        }
        return Scope.valueOf(scope.toUpperCase(java.util.Locale.ROOT));
    }

    private static Handler<RoutingContext> requireScope(Scope scope) {
        return ctx -> {
            org.gridfleet.aggregator.openadr.auth.OpenAdrPrincipal principal = VtnOperations.principal(ctx);
            if (principal.has(scope)) {
                ctx.next();
            } else {
                ctx.fail(OpenAdrException.forbidden("scope " + scope.wireName() + " is required; a "
                        + principal.role() + " client does not hold it"));
            }
        };
    }
}
