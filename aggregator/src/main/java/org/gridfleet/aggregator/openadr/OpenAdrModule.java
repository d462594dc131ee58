package org.gridfleet.aggregator.openadr;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import org.gridfleet.aggregator.http.ApiContext;
import org.gridfleet.aggregator.http.AuthHandler;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.aggregator.http.RouteModule;
import org.gridfleet.aggregator.openadr.auth.ClientRegistrationHandler;
import org.gridfleet.aggregator.openadr.auth.OpenAdrTokenService;
import org.gridfleet.aggregator.openadr.grid.EventInterpreter;
import org.gridfleet.aggregator.openadr.grid.EventReportBuilder;
import org.gridfleet.aggregator.openadr.grid.FlexibilitySource;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.openadr.store.JdbcOpenAdrStore;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;
import org.gridfleet.aggregator.openadr.ven.VenClient;
import org.gridfleet.aggregator.openadr.ven.VenClientConfig;
import org.gridfleet.aggregator.openadr.vtn.OpenAdrContract;
import org.gridfleet.aggregator.tenant.Role;

/**
 * OpenADR 3.0.1 inside the Gridfleet server: two {@link RouteModule}s over the server's database and clock,
 * the VTN at {@value OpenAdrVtn#MOUNT_PATH} and admin client registration at {@value #CLIENTS_PATH}.
 *
 * <p>The contract is loaded by {@link #load} before the HTTP verticle starts, because a {@link RouteModule}
 * must build its router synchronously. Grid obligations of every event go to the listener (e.g. an
 * {@link org.gridfleet.aggregator.openadr.grid.ObligationBoard}); reports take their numbers from the
 * {@link FlexibilitySource}.
 */
public final class OpenAdrModule {

    public static final String CLIENTS_PATH = ClientRegistrationHandler.PATH;
    private static final String CLIENTS_MOUNT = "/api/v1/openadr";

    private final OpenAdrConfig config;
    private final GridObligationListener listener;
    private final FlexibilitySource flexibility;
    private final OpenAdrContract.Loaded contract;
    private Shared shared;
    private volatile OpenAdrVtn vtn;

    private OpenAdrModule(OpenAdrConfig config, GridObligationListener listener, FlexibilitySource flexibility,
                          OpenAdrContract.Loaded contract) {
        this.config = config;
        this.listener = listener;
        this.flexibility = flexibility;
        this.contract = contract;
    }

    /** Loads the OpenADR 3.0.1 contract; fails (and nothing is mounted) when it cannot be loaded. */
    public static Future<OpenAdrModule> load(Vertx vertx, OpenAdrConfig config, GridObligationListener listener,
                                             FlexibilitySource flexibility) {
        return OpenAdrVtn.loadContract(vertx).map(c -> new OpenAdrModule(config, listener, flexibility, c));
    }

    /** Mount both with {@code Application.Builder.mount}, once each. */
    public List<RouteModule> routeModules() {
        return List.of(new VtnRoutes(), new ClientRoutes());
    }

    /**
     * Stores Gridfleet's own report for an event ({@link OpenAdrVtn#publishReport}); fails until the VTN is
     * mounted, and when the flexibility source has no numbers.
     */
    public Future<JsonObject> publishReport(String eventId) {
        OpenAdrVtn mounted = vtn;
        return mounted == null ? notMounted() : mounted.publishReport(eventId);
    }

    /**
     * Enrols Gridfleet as a VEN at a utility's VTN: its events reach the same listener as the VTN face's (the live
     * loop), interpreted with the same shed levels, and its reports carry the same flexibility numbers. The client
     * keeps retrying while the VTN is down; stop it on shutdown.
     */
    public VenClient startVen(Vertx vertx, Clock clock, VenClientConfig ven) {
        EventInterpreter interpreter = new EventInterpreter(clock, config.vtn().shedLevels());
        VenClient client = new VenClient(vertx, clock, ven, interpreter, new EventReportBuilder(interpreter, flexibility),
                listener);
        vertx.runOnContext(v -> client.start());
        return client;
    }

    /** Completes when the stored events' obligations are back on the listener after a (re)start; fails before mounting. */
    public Future<Integer> obligationsRestored() {
        OpenAdrVtn mounted = vtn;
        return mounted == null ? notMounted() : mounted.restored();
    }

    private static <T> Future<T> notMounted() {
        return Future.failedFuture(new IllegalStateException("the OpenADR VTN is not mounted yet"));
    }

    /** Store and tokens over the server's database, shared by both routers (built one after the other). */
    private record Shared(OpenAdrStore store, OpenAdrTokenService tokens) {
    }

    private synchronized Shared shared(Vertx vertx, ApiContext context) {
        if (shared == null) {
            OpenAdrStore store = new JdbcOpenAdrStore(vertx, context.dataSource());
            shared = new Shared(store, new OpenAdrTokenService(vertx, store, context.clock(), config.tokens(),
                    context.signingKey()));
        }
        return shared;
    }

    private final class VtnRoutes implements RouteModule {
        @Override
        public String mountPoint() {
            return OpenAdrVtn.MOUNT_PATH;
        }

        @Override
        public Router router(Vertx vertx, ApiContext context) {
            Shared services = shared(vertx, context);
            OpenAdrVtn built = new OpenAdrVtn(vertx, services.store(), context.clock(), services.tokens(), listener,
                    flexibility, config.vtn());
            Router router = built.createRouter(contract);
            vtn = built;
            return router;
        }
    }

    private final class ClientRoutes implements RouteModule {
        @Override
        public String mountPoint() {
            return CLIENTS_MOUNT;
        }

        @Override
        public Router router(Vertx vertx, ApiContext context) {
            Router router = Router.router(vertx);
            router.post(CLIENTS_PATH.substring(CLIENTS_MOUNT.length())).handler(context.auth()).handler(adminOnly())
                    .handler(context.contract()).handler(new ClientRegistrationHandler(shared(vertx, context).tokens()));
            return router;
        }

        private static Handler<RoutingContext> adminOnly() {
            return ctx -> {
                if (AuthHandler.principal(ctx).role() == Role.ADMIN) {
                    ctx.next();
                } else {
                    ctx.fail(GridfleetException.forbidden("only role admin may register OpenADR clients"));
                }
            };
        }
    }
}
