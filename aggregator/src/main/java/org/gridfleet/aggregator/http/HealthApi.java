package org.gridfleet.aggregator.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * {@code /health/live} (the process answers), {@code /health/ready} (the database answers within
 * {@value #DB_TIMEOUT_MS} ms) and {@code /health} (both). 200 when UP, 503 when DOWN. No auth: probes.
 */
public final class HealthApi {

    static final long DB_TIMEOUT_MS = 2000;

    private final Vertx vertx;
    private final DataSource dataSource;
    private final AtomicInteger databaseUp;

    /** @param databaseUp set to 1/0 after each readiness check (backs a gauge) */
    public HealthApi(Vertx vertx, DataSource dataSource, AtomicInteger databaseUp) {
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.databaseUp = databaseUp;
    }

    public void register(Router root) {
        root.get("/health/live").handler(ctx -> answer(ctx, new JsonObject().put("status", "UP"), true));
        root.get("/health/ready").handler(ctx -> checkDatabase().onComplete(ar ->
                answer(ctx, new JsonObject().put("status", status(ar.result()))
                        .put("checks", new JsonObject().put("database", status(ar.result()))), ar.result())));
        root.get("/health").handler(ctx -> checkDatabase().onComplete(ar ->
                answer(ctx, new JsonObject().put("status", status(ar.result())).put("checks", new JsonObject()
                        .put("live", "UP").put("database", status(ar.result()))), ar.result())));
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

    private static String status(Boolean up) {
        return Boolean.TRUE.equals(up) ? "UP" : "DOWN";
    }

    private static void answer(RoutingContext ctx, JsonObject body, Boolean up) {
        ctx.response().setStatusCode(Boolean.TRUE.equals(up) ? 200 : 503)
                .putHeader("content-type", "application/json").end(body.encode());
    }
}
