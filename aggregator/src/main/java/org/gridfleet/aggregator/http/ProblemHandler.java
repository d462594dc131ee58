package org.gridfleet.aggregator.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single failure handler: maps every failure to an RFC 9457 {@code application/problem+json}
 * body. {@link GridfleetException} keeps its code; framework failures (body too large, bad JSON)
 * map to the nearest code; anything else is a 500 without internals.
 */
public final class ProblemHandler implements Handler<RoutingContext> {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        GridfleetException ge = translate(ctx);
        int status;
        JsonObject body;
        if (ge != null) {
            status = ge.code().httpStatus();
            body = body(ge, ctx.request().path());
        } else {
            LOG.error("unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
            status = 500;
            body = new JsonObject().put("type", "https://gridfleet.org/problems/internal").put("title", "INTERNAL")
                    .put("detail", "internal error").put("status", status).put("instance", ctx.request().path());
        }
        if (!ctx.response().ended()) {
            if (ge != null) {
                ge.retryAfter().ifPresent(d -> ctx.response().putHeader("Retry-After",
                        String.valueOf(Math.max(1, (d.toMillis() + 999) / 1000))));
            }
            ctx.response().setStatusCode(status).putHeader("content-type", CONTENT_TYPE).end(body.encode());
        }
    }

    /** The RFC 9457 body of {@code ge} for the request path {@code instance}. */
    static JsonObject body(GridfleetException ge, String instance) {
        JsonObject body = new JsonObject().put("type", "https://gridfleet.org/problems/" + ge.code().slug())
                .put("title", ge.code().name())
                .put("detail", ge.getMessage());
        ge.field().ifPresent(f -> body.put("field", f));
        return body.put("status", ge.code().httpStatus()).put("instance", instance);
    }

    private static GridfleetException translate(RoutingContext ctx) {
        Throwable f = ctx.failure();
        if (f instanceof GridfleetException ge) {
            return ge;
        }
        if (f != null && f.getCause() instanceof GridfleetException ge) {
            return ge;
        }
        int status = f instanceof HttpException he ? he.getStatusCode() : ctx.statusCode();
        return switch (status) {
            case 400 -> GridfleetException.badRequest("body", f == null ? "bad request" : String.valueOf(f.getMessage()));
            case 401 -> GridfleetException.unauthorized("missing or invalid bearer token");
            case 403 -> GridfleetException.forbidden("forbidden");
            case 404 -> GridfleetException.notFound("resource");
            case 405 -> GridfleetException.methodNotAllowed("method not allowed on this resource");
            case 413 -> GridfleetException.payloadTooLarge("request body exceeds the configured limit");
            default -> null;
        };
    }
}
