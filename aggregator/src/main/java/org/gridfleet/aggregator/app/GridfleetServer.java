package org.gridfleet.aggregator.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.config.GridfleetConfig;
import org.gridfleet.aggregator.fleet.JdbcFleetRegistry;
import org.gridfleet.aggregator.fleet.PasswordHasher;
import org.gridfleet.aggregator.http.Application;
import org.gridfleet.aggregator.http.CoreApi;
import org.gridfleet.aggregator.http.RouteModule;
import org.gridfleet.aggregator.metrics.TelemetryMetrics;
import org.gridfleet.aggregator.storage.Database;
import org.gridfleet.aggregator.storage.TelemetryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running process: database (embedded or external), Vert.x with Micrometer metrics, the
 * telemetry writer, the fleet registry and the HTTP application. {@link #close()} stops them in
 * reverse order (HTTP, Vert.x, telemetry, pool, embedded database).
 */
public final class GridfleetServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GridfleetServer.class);

    private final Database database;
    private final Vertx vertx;
    private final TelemetryWriter telemetry;
    private final JdbcFleetRegistry registry;
    private final Application application;

    private GridfleetServer(Database database, Vertx vertx, TelemetryWriter telemetry, JdbcFleetRegistry registry,
                            Application application) {
        this.database = database;
        this.vertx = vertx;
        this.telemetry = telemetry;
        this.registry = registry;
        this.application = application;
    }

    /**
     * Opens the database, starts Vert.x and serves {@link CoreApi} plus {@code extraModules}.
     * Blocks until the server listens.
     */
    public static GridfleetServer start(GridfleetConfig config, Clock clock, List<RouteModule> extraModules)
            throws Exception {
        Database database = Database.open(config.database(), config.home());
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(
                        new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(meters))
                .build();
        TelemetryWriter telemetry = new TelemetryWriter(database.dataSource(), config.telemetry(),
                TelemetryMetrics.micrometer(meters));
        try {
            Application.Builder app = Application.builder(vertx, config, database.dataSource(), meters, clock)
                    .mount(new CoreApi(new SecureRandom(), PasswordHasher.DEFAULT_ITERATIONS));
            extraModules.forEach(app::mount);
            Application application = app.start().await(30, TimeUnit.SECONDS);
            LOG.info("gridfleet listening on {}:{}", config.http().host(), application.port());
            return new GridfleetServer(database, vertx, telemetry, new JdbcFleetRegistry(database.dataSource()),
                    application);
        } catch (Exception e) {
            vertx.close().await(10, TimeUnit.SECONDS);
            telemetry.close();
            database.close();
            throw e;
        }
    }

    public int port() {
        return application.port();
    }

    public Vertx vertx() {
        return vertx;
    }

    public TelemetryWriter telemetry() {
        return telemetry;
    }

    /** The read API for the control loop and the OCPP charger directory. */
    public JdbcFleetRegistry fleetRegistry() {
        return registry;
    }

    @Override
    public void close() {
        LOG.info("gridfleet shutting down");
        try {
            Future<Void> stopped = application.stop().eventually(() -> vertx.close());
            stopped.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not stop cleanly", e);
        }
        telemetry.close(Duration.ofSeconds(10));
        database.close();
    }
}
