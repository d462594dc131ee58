package org.gridfleet.aggregator.openadr;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import org.gridfleet.aggregator.http.GridfleetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the OpenADR face turns failures into the contract's {@code problem} object. Content type
 * is {@code application/json}, as both OpenADR 3 contracts declare (not application/problem+json).
 */
public final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    /** Failure handler for routes: maps the failure to status + problem body. */
    public static void handleFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof OpenAdrException e) {
            send(ctx, e.status(), e.title(), e.detail());
        } else if (failure instanceof GridfleetException e && e.code().httpStatus() < 500) {
            // the shared JsonBodyGuard's refusals (depth, number length, NUL, surrogates, duplicate keys)
            send(ctx, e.code().httpStatus(), e.code().httpStatus() == 400 ? "Bad Request" : e.code().name(),
                    e.getMessage());
        } else if (failure instanceof ValidatorException e) {
            send(ctx, 400, "Bad Request", e.getMessage());
        } else if (failure instanceof HttpException e) {
            send(ctx, e.getStatusCode(), e.getStatusCode() == 413 ? "Payload Too Large" : "Bad Request",
                    e.getPayload() != null ? e.getPayload() : "request rejected with HTTP " + e.getStatusCode());
        } else if (failure == null && ctx.statusCode() >= 400) {
            send(ctx, ctx.statusCode(), "Error", "request rejected with HTTP " + ctx.statusCode());
        } else {
            LOG.error("OpenADR request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, 500, "Internal Server Error", "unexpected failure; see server log");
        }
    }

    public static void send(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().headWritten()) {
            return;
        }
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(problem.encode());
    }
}
