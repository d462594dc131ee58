package org.gridfleet.aggregator.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.gridfleet.aggregator.auth.ApiTokens;
import org.gridfleet.aggregator.auth.SigningKey;
import org.gridfleet.aggregator.config.GridfleetConfig;
import org.gridfleet.aggregator.metrics.MetricNames;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.aggregator.storage.TelemetryBacklog;
import org.gridfleet.aggregator.tenant.TenantStore;

/**
 * The HTTP application: one root router with {@code /health*}, {@code /metrics}, {@code /openapi.yaml}
 * and every {@link RouteModule} mounted under its mount point, served by {@link HttpServerVerticle}.
 * Other modules add their routers with {@link Builder#mount}.
 */
public final class Application {

    private final Vertx vertx;
    private final String deploymentId;
    private final int port;

    private Application(Vertx vertx, String deploymentId, int port) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.port = port;
    }

    public static Builder builder(Vertx vertx, GridfleetConfig config, DataSource dataSource,
                                  PrometheusMeterRegistry registry, Clock clock) {
        return new Builder(vertx, config, dataSource, registry, clock);
    }

    /** The bound TCP port (useful with port 0). */
    public int port() {
        return port;
    }

    /** Undeploys the HTTP server; in-flight requests finish first. */
    public Future<Void> stop() {
        return vertx.undeploy(deploymentId);
    }

    /** Collects route modules, then starts the server. */
    public static final class Builder {
        private final Vertx vertx;
        private final GridfleetConfig config;
        private final DataSource dataSource;
        private final PrometheusMeterRegistry registry;
        private final Clock clock;
        private final List<RouteModule> modules = new ArrayList<>();
        private Supplier<TelemetryBacklog> telemetryBacklog;

        private Builder(Vertx vertx, GridfleetConfig config, DataSource dataSource, PrometheusMeterRegistry registry,
                        Clock clock) {
            this.vertx = vertx;
            this.config = config;
            this.dataSource = dataSource;
            this.registry = registry;
            this.clock = clock;
        }

        public Builder mount(RouteModule module) {
            modules.add(module);
            return this;
        }

        /** Shows the telemetry writer's backlog (e.g. {@code writer::backlog}) in readiness. */
        public Builder telemetryBacklog(Supplier<TelemetryBacklog> backlog) {
            this.telemetryBacklog = backlog;
            return this;
        }

        /** Bootstraps the admin token (if configured), loads (or first creates) the token signing key, loads the contract and starts listening. */
        public Future<Application> start() {
            Jdbc jdbc = new Jdbc(vertx, dataSource);
            TenantStore tenants = new TenantStore(clock);
            Future<?> bootstrap = config.adminToken()
                    .<Future<?>>map(token -> jdbc.tx(c -> {
                        tenants.bootstrapAdmin(c, token);
                        return null;
                    }))
                    .orElse(Future.succeededFuture());
            byte[] openApiYaml = readResource(ContractValidator.RESOURCE);
            Future<SigningKey> signingKey = vertx.executeBlocking(() -> SigningKey.load(config.auth().signingKey(),
                    config.home(), new SecureRandom()), false);
            return bootstrap.compose(v -> signingKey).compose(key -> ContractValidator.load(vertx, openApiYaml).map(contract -> {
                AuthHandler auth = new AuthHandler(jdbc, tenants,
                        new ApiTokens(key, config.auth().tokenLifetime(), clock), clock);
                return new ApiContext(clock, dataSource, jdbc, auth, contract, registry, key);
            })).compose(ctx -> {
                Buffer openApi = Buffer.buffer(openApiYaml);
                AtomicInteger databaseUp = new AtomicInteger();
                Gauge.builder(MetricNames.DATABASE_UP, databaseUp::get).register(registry);
                HttpServerVerticle verticle = new HttpServerVerticle(config.http(), v2 -> {
                    Router root = Router.router(vertx);
                    root.route().handler(BodyHandler.create(false).setBodyLimit(config.http().bodyLimitBytes()));
                    (telemetryBacklog == null ? new HealthApi(vertx, dataSource, databaseUp)
                            : new HealthApi(vertx, dataSource, databaseUp, telemetryBacklog)).register(root);
                    root.get("/metrics").handler(rc -> rc.response()
                            .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                            .end(registry.scrape()));
                    root.get("/openapi.yaml").handler(rc -> rc.response()
                            .putHeader("content-type", "application/yaml").end(openApi));
                    for (RouteModule m : modules) {
                        root.route(m.mountPoint() + "/*").subRouter(m.router(vertx, ctx));
                    }
                    root.route().last().handler(rc -> rc.fail(GridfleetException.notFound("resource")));
                    root.route().failureHandler(new ProblemHandler());
                    return root;
                });
                return vertx.deployVerticle(verticle).map(id -> new Application(vertx, id, verticle.actualPort()));
            });
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = Application.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
