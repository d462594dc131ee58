package org.gridfleet.aggregator.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.gridfleet.aggregator.storage.TelemetryBacklog;

/**
 * {@code /health/live} (the process answers), {@code /health/ready} (the database answers within
 * {@value #DB_TIMEOUT_MS} ms) and {@code /health} (both). 200 and {@code UP} when the database answers;
 * 503 and {@code DEGRADED} with a {@code reason} when it does not (control goes on from memory and
 * telemetry is buffered, so the process is degraded, not dead). No auth: probes.
 *
 * <p>Besides each readiness call, a probe on a worker thread checks the database every
 * {@value #PROBE_INTERVAL_MS} ms from the moment the routes are registered, so the
 * {@code gridfleet_database_up} gauge is true from start-up, not only after someone calls readiness.
 */
public final class HealthApi {

    static final long DB_TIMEOUT_MS = 2000;
    static final long PROBE_INTERVAL_MS = 5000;

    private final Vertx vertx;
    private final DataSource dataSource;
    private final AtomicInteger databaseUp;
    private final Optional<Supplier<TelemetryBacklog>> telemetry;

    /** @param databaseUp set to 1/0 after each check (backs a gauge) */
    public HealthApi(Vertx vertx, DataSource dataSource, AtomicInteger databaseUp) {
        this(vertx, dataSource, databaseUp, Optional.empty());
    }

    /**
     * @param databaseUp set to 1/0 after each check (backs a gauge)
     * @param telemetry  the telemetry writer's backlog (e.g. {@code writer::backlog}), shown in readiness
     */
    public HealthApi(Vertx vertx, DataSource dataSource, AtomicInteger databaseUp,
                     Supplier<TelemetryBacklog> telemetry) {
        this(vertx, dataSource, databaseUp, Optional.of(telemetry));
    }

    private HealthApi(Vertx vertx, DataSource dataSource, AtomicInteger databaseUp,
                      Optional<Supplier<TelemetryBacklog>> telemetry) {
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.databaseUp = databaseUp;
        this.telemetry = telemetry;
    }

    /** Adds the routes and starts the periodic database probe. */
    public void register(Router root) {
        root.get("/health/live").handler(ctx -> answer(ctx, new JsonObject().put("status", "UP"), true));
        root.get("/health/ready").handler(ctx -> checkDatabase().onComplete(ar ->
                answer(ctx, readiness(ar.result(), new JsonObject()), ar.result())));
        root.get("/health").handler(ctx -> checkDatabase().onComplete(ar ->
                answer(ctx, readiness(ar.result(), new JsonObject().put("live", "UP")), ar.result())));
        vertx.setPeriodic(1, PROBE_INTERVAL_MS, id -> checkDatabase());
    }

    /** Never fails: a database error or timeout yields false. */
    Future<Boolean> checkDatabase() {
        return vertx.<Boolean>executeBlocking(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.setQueryTimeout((int) TimeUnit.MILLISECONDS.toSeconds(DB_TIMEOUT_MS));
                return s.execute("SELECT 1");
            }
        }, false).timeout(DB_TIMEOUT_MS, TimeUnit.MILLISECONDS).otherwise(false)
                .onSuccess(up -> databaseUp.set(up ? 1 : 0));
    }

    private JsonObject readiness(Boolean databaseAnswered, JsonObject checks) {
        boolean up = Boolean.TRUE.equals(databaseAnswered);
        JsonObject body = new JsonObject().put("status", up ? "UP" : "DEGRADED")
                .put("checks", checks.put("database", up ? "UP" : "DOWN"));
        Optional<TelemetryBacklog> backlog = telemetry.map(Supplier::get);
        if (!up) {
            body.put("reason", "database unreachable" + backlog.map(b -> "; " + b.describe()).orElse(""));
        }
        backlog.ifPresent(b -> body.put("telemetry", new JsonObject().put("state", b.state().name())
                .put("memoryRows", b.memoryRows()).put("spilledRows", b.spilledRows())
                .put("droppedRows", b.droppedRows())));
        return body;
    }

    private static void answer(RoutingContext ctx, JsonObject body, Boolean up) {
        ctx.response().setStatusCode(Boolean.TRUE.equals(up) ? 200 : 503)
                .putHeader("content-type", "application/json").end(body.encode());
    }
}
