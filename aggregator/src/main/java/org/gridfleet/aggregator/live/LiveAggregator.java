package org.gridfleet.aggregator.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.config.OcppConfig;
import org.gridfleet.aggregator.config.TlsFiles;
import org.gridfleet.aggregator.dispatch.MicrometerDispatchMetrics;
import org.gridfleet.aggregator.fleet.ChargerCredentials;
import org.gridfleet.aggregator.fleet.FleetRegistry;
import org.gridfleet.aggregator.health.VehicleSessionLog;
import org.gridfleet.aggregator.storage.TelemetryWriter;
import org.gridfleet.v2g.ocpp.ConnectionRegistry;
import org.gridfleet.v2g.ocpp.GatewayServices;
import org.gridfleet.v2g.ocpp.OcppSchemas;
import org.gridfleet.v2g.ocpp.OcppServerConfig;
import org.gridfleet.v2g.ocpp.OcppServerVerticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the live aggregator into a running Vert.x: the charger cache (loaded before the gateway listens and
 * reloaded every {@link OcppConfig#directoryRefreshMs()} on a worker), the OCPP gateway verticle with the live
 * fleet, telemetry and metrics behind its seams, and the control loop steering the chargers through it.
 */
public final class LiveAggregator {

    private static final Logger LOG = LoggerFactory.getLogger(LiveAggregator.class);

    private final Vertx vertx;
    private final String deploymentId;
    private final OcppServerVerticle gateway;
    private final ControlLoop loop;
    private final long refreshTimer;

    private LiveAggregator(Vertx vertx, String deploymentId, OcppServerVerticle gateway, ControlLoop loop,
                           long refreshTimer) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.gateway = gateway;
        this.loop = loop;
        this.refreshTimer = refreshTimer;
    }

    /**
     * @param registry    the fleet registry (blocking; used on worker threads only)
     * @param credentials the chargers' stored passwords (blocking; used on worker threads only)
     * @param health      where plugged-in sessions are logged for the battery-health job, and the wear terms
     *                    that job derives for the control loop
     * @param grid        what the OpenADR VTN and the market desk hand to the control loop
     */
    public static Future<LiveAggregator> start(Vertx vertx, Clock clock, OcppConfig ocpp, ControlConfig control,
                                               FleetRegistry registry, ChargerCredentials credentials,
                                               TelemetryWriter telemetry, MeterRegistry meters,
                                               BatteryHealthFeed health, GridLink grid) {
        Executor blocking = task -> vertx.executeBlocking(() -> {
            task.run();
            return null;
        }, false);
        ChargerCache cache = new ChargerCache(registry,
                new PreverifiedPasswords(credentials, blocking, new SecureRandom()));
        OcppServerConfig plain = ocpp.serverConfig();
        // a charger keeps its last TxProfile as long as the gateway's profiles say it may
        LiveFleet fleet = new LiveFleet(clock, plain.maxOfflineDuration());
        ConnectionRegistry connections = new ConnectionRegistry();
        OcppServerConfig gatewayConfig =
                ocpp.tls().map(t -> withTls(plain, t)).orElse(plain);
        AtomicReference<OcppServerVerticle> deployed = new AtomicReference<>();
        return vertx.executeBlocking(cache::refresh, false)
                .compose(view -> vertx.executeBlocking(() -> SessionJournal.restore(vertx, health.sessions()), false))
                .compose(sessions -> {
                    GatewayServices services = new GatewayServices(cache, cache,
                            new VehicleSessionLog(vertx, health.sessions(), fleet),
                            new GatewayTelemetry(telemetry, OcppMetrics.micrometer(meters, fleet::online)), sessions,
                            clock);
                    deployed.set(new OcppServerVerticle(gatewayConfig, services, connections, new OcppSchemas(),
                            OcppMetrics.wire(meters)));
                    return vertx.deployVerticle(deployed.get());
                })
                .map(id -> {
                    OcppServerVerticle gateway = deployed.get();
                    ControlLoop loop = new ControlLoop(vertx, clock, control, cache, fleet, connections,
                            new MicrometerDispatchMetrics(meters), ControlMetrics.micrometer(meters), health.wear(),
                            grid);
                    loop.start();
                    long timer = vertx.setPeriodic(ocpp.directoryRefreshMs(), refresher(vertx, cache));
                    LOG.info("OCPP gateway listening on {}:{}", ocpp.host(), gateway.actualPort());
                    return new LiveAggregator(vertx, id, gateway, loop, timer);
                });
    }

    /** Security profile 2 (server certificate), and 3 when client certificates are configured. */
    private static OcppServerConfig withTls(OcppServerConfig plain, TlsFiles tls) {
        OcppServerConfig profile2 = plain.withTls(tls.certPath().toString(), tls.keyPath().toString());
        return tls.clientCaPath().map(ca -> profile2.withClientCertificates(ca.toString())).orElse(profile2);
    }

    /** A reload still running when the timer fires again makes that firing skip. */
    private static io.vertx.core.Handler<Long> refresher(Vertx vertx, ChargerCache cache) {
        AtomicBoolean running = new AtomicBoolean();
        return id -> {
            if (running.compareAndSet(false, true)) {
                vertx.executeBlocking(cache::refresh, false).onComplete(r -> {
                    running.set(false);
                    if (r.failed()) {
                        LOG.warn("charger directory reload failed, keeping the previous one: {}", r.cause().toString());
                    }
                });
            }
        };
    }

    /** The gateway's bound port. */
    public int ocppPort() {
        return gateway.actualPort();
    }

    /** Stops the gateway first (no new frames), then the refresh and the control loop. */
    public Future<Void> stop() {
        vertx.cancelTimer(refreshTimer);
        return vertx.undeploy(deploymentId).eventually(loop::stop);
    }
}
