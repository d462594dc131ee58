package org.gridfleet.aggregator.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.config.GridfleetConfig;
import org.gridfleet.aggregator.fleet.JdbcFleetRegistry;
import org.gridfleet.aggregator.fleet.PasswordHasher;
import org.gridfleet.aggregator.health.HealthJob;
import org.gridfleet.aggregator.health.VehicleWear;
import org.gridfleet.aggregator.http.Application;
import org.gridfleet.aggregator.http.CoreApi;
import org.gridfleet.aggregator.http.RouteModule;
import org.gridfleet.aggregator.live.BatteryHealthFeed;
import org.gridfleet.aggregator.live.GridLink;
import org.gridfleet.aggregator.live.LiveFlexibility;
import org.gridfleet.aggregator.live.LiveAggregator;
import org.gridfleet.aggregator.metrics.TelemetryMetrics;
import org.gridfleet.aggregator.openadr.OpenAdrConfig;
import org.gridfleet.aggregator.storage.Database;
import org.gridfleet.aggregator.storage.TelemetryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running process: database (embedded or external), Vert.x with Micrometer metrics, the
 * telemetry writer, the fleet registry, the HTTP application (core API, OpenADR 3 VTN, market desk) and the live
 * aggregator (OCPP gateway and control loop), the grid faces handing their obligations to the loop through one
 * {@link GridLink}. {@link #close()} stops them in reverse order (OCPP gateway and control loop, market desk, HTTP,
 * Vert.x, telemetry, pool, embedded database).
 */
public final class GridfleetServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GridfleetServer.class);
    /** Capacity estimates move over days; a pass every five minutes keeps budgets current within a tick or two. */
    private static final Duration HEALTH_EVERY = Duration.ofMinutes(5);

    private final Database database;
    private final Vertx vertx;
    private final TelemetryWriter telemetry;
    private final JdbcFleetRegistry registry;
    private final Application application;
    private final LiveAggregator live;
    private final GridFaces faces;
    private final long healthTimer;

    private GridfleetServer(Database database, Vertx vertx, TelemetryWriter telemetry, JdbcFleetRegistry registry,
                            Application application, LiveAggregator live, GridFaces faces, long healthTimer) {
        this.database = database;
        this.vertx = vertx;
        this.telemetry = telemetry;
        this.registry = registry;
        this.application = application;
        this.live = live;
        this.faces = faces;
        this.healthTimer = healthTimer;
    }

    /** {@link #start(GridfleetConfig, OpenAdrConfig, Clock, List)} with OpenADR's defaults. */
    public static GridfleetServer start(GridfleetConfig config, Clock clock, List<RouteModule> extraModules)
            throws Exception {
        return start(config, OpenAdrConfig.fromEnv(Map.of(), config.http().port()), clock, extraModules);
    }

    /**
     * Opens the database, starts Vert.x, serves {@link CoreApi}, the OpenADR 3 VTN, the market desk and
     * {@code extraModules}, and starts the OCPP gateway and the control loop. Blocks until both listen.
     *
     * @throws IllegalStateException when a configured port is taken (checked before anything starts, so the
     *     message names the key instead of a client hanging on a port held by another program)
     */
    public static GridfleetServer start(GridfleetConfig config, OpenAdrConfig openAdr, Clock clock,
                                        List<RouteModule> extraModules) throws Exception {
        if (config.database().url().isEmpty()) {
            Database.stopOrphanedEmbedded(config.home()); // a killed Gridfleet's server would hold the port
            requireFreePort("database.embeddedPort", "localhost", config.database().embeddedPort());
        }
        requireFreePort("http.port", config.http().host(), config.http().port());
        requireFreePort("ocpp.port", config.ocpp().host(), config.ocpp().port());
        Database database = Database.open(config.database(), config.home());
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setPreferNativeTransport(true).setMetricsOptions(
                        new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(meters))
                .build();
        TelemetryWriter telemetry = new TelemetryWriter(database.dataSource(), config.telemetry(),
                TelemetryMetrics.micrometer(meters));
        try {
            GridLink link = GridLink.of(config.control());
            GridFaces faces = GridFaces.load(vertx, clock, openAdr, config.markets(), link,
                    new LiveFlexibility(link.ticks())).await(30, TimeUnit.SECONDS);
            Application.Builder app = Application.builder(vertx, config, database.dataSource(), meters, clock)
                    .telemetryBacklog(telemetry::backlog)
                    .mount(new CoreApi(new SecureRandom(), PasswordHasher.DEFAULT_ITERATIONS));
            faces.routeModules().forEach(app::mount);
            extraModules.forEach(app::mount);
            Application application = app.start().await(30, TimeUnit.SECONDS);
            LOG.info("gridfleet listening on {}:{} (native transport: {})", config.http().host(), application.port(),
                    vertx.isNativeTransportEnabled());
            JdbcFleetRegistry registry = new JdbcFleetRegistry(database.dataSource());
            VehicleWear wear = new VehicleWear();
            LiveAggregator live = LiveAggregator.start(vertx, clock, config.ocpp(), config.control(), registry,
                    registry, telemetry, meters, new BatteryHealthFeed(database.dataSource(), wear), link)
                    .await(30, TimeUnit.SECONDS);
            long healthTimer = new HealthJob(database.dataSource(), clock, wear).start(vertx, HEALTH_EVERY);
            return new GridfleetServer(database, vertx, telemetry, registry, application, live, faces, healthTimer);
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

    /** The OCPP gateway's port ({@code ws://host:port/ocpp/{chargerId}}). */
    public int ocppPort() {
        return live.ocppPort();
    }

    /** The OpenADR VTN (its reports) and the market desk, as mounted. */
    public GridFaces gridFaces() {
        return faces;
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

    /** Port 0 (pick any) is always free. The check can race with another program; it names the usual culprit. */
    private static void requireFreePort(String key, String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException(key + " " + port + " on " + host + " is not available: " + e.getMessage(), e);
        }
    }

    private static void awaitQuietly(Future<?> f, String what) {
        try {
            f.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("{} did not stop within 5 s: {}", what, e.toString());
        }
    }

    @Override
    public void close() {
        LOG.info("gridfleet shutting down");
        vertx.cancelTimer(healthTimer);
        awaitQuietly(live.stop(), "OCPP gateway and control loop");
        awaitQuietly(faces.stop(), "market desk");
        awaitQuietly(application.stop(), "HTTP server");
        // Vert.x may complete its close future on an event loop that has just terminated, so the wait is bounded.
        awaitQuietly(vertx.close(), "Vert.x");
        telemetry.close(Duration.ofSeconds(10));
        database.close();
    }
}
