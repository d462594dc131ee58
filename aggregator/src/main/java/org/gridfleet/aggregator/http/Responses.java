package org.gridfleet.aggregator.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Writes JSON results; any failure goes to the single {@link ProblemHandler}. */
public final class Responses {

    private Responses() {
    }

    /** Runs {@code action} (which may throw a {@link GridfleetException}) and answers 200 with its JSON. */
    public static void ok(RoutingContext ctx, Function<RoutingContext, Future<JsonObject>> action) {
        respond(ctx, action, 200, null);
    }

    /** Answers 201 with the JSON and {@code Location: <request path>/<id>}. */
    public static void created(RoutingContext ctx, Function<RoutingContext, Future<JsonObject>> action) {
        respond(ctx, action, 201, "id");
    }

    /** Answers 204 once {@code action} succeeds. */
    public static void noContent(RoutingContext ctx, Function<RoutingContext, Future<?>> action) {
        Future<?> f;
        try {
            f = action.apply(ctx);
        } catch (RuntimeException e) {
            ctx.fail(e);
            return;
        }
        f.onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private static void respond(RoutingContext ctx, Function<RoutingContext, Future<JsonObject>> action, int status,
                                String locationIdField) {
        Future<JsonObject> f;
        try {
            f = action.apply(ctx);
        } catch (RuntimeException e) {
            ctx.fail(e);
            return;
        }
        f.onSuccess(json -> {
            var response = ctx.response().setStatusCode(status).putHeader("content-type", "application/json");
            if (locationIdField != null) {
                String path = ctx.request().path();
                response.putHeader("Location", (path.endsWith("/") ? path : path + "/") + json.getString(locationIdField));
            }
            response.end(json.encode());
        }).onFailure(ctx::fail);
    }

    /** The request body as a JSON object, or a 400 naming {@code body}. */
    public static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject o = ctx.body().asJsonObject();
            if (o == null) {
                throw GridfleetException.badRequest("body", "must be a JSON object");
            }
            return o;
        } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
            throw GridfleetException.badRequest("body", "must be a JSON object");
        }
    }
}
