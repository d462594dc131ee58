package org.gridfleet.aggregator.openadr.auth;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.ProblemResponses;

/**
 * Admin registration of OpenADR clients: {@code POST /api/v1/openadr/clients} with
 * {@code {"clientId", "role": "BL"|"VEN", "venName"?}} answers 201 {@code {"clientId", "clientSecret"}}.
 * The secret is shown once. The admin check is injected so the server can plug in its bearer-token roles.
 */
public final class ClientRegistrationRouter {

    public static final String PATH = "/api/v1/openadr/clients";
    private static final long MAX_BODY_BYTES = 4 * 1024;

    private final Vertx vertx;
    private final OpenAdrTokenService tokens;
    private final Handler<RoutingContext> adminCheck;

    /**
     * @param adminCheck calls {@code ctx.next()} for an admin and ends or fails the request otherwise
     */
    public ClientRegistrationRouter(Vertx vertx, OpenAdrTokenService tokens, Handler<RoutingContext> adminCheck) {
        this.vertx = vertx;
        this.tokens = tokens;
        this.adminCheck = adminCheck;
    }

    /** A router answering {@link #PATH}; mount it at the server root. */
    public Router createRouter() {
        Router router = Router.router(vertx);
        router.post(PATH).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(adminCheck)
                .handler(this::register).failureHandler(ProblemResponses::handleFailure);
        return router;
    }

    private void register(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException e) {
            ctx.fail(OpenAdrException.badRequest("body is not JSON: " + e.getMessage()));
            return;
        }
        if (body == null) {
            ctx.fail(OpenAdrException.badRequest("body must be a JSON object with clientId and role"));
            return;
        }
        ClientRole role;
        try {
            role = ClientRole.valueOf(String.valueOf(body.getValue("role")));
        } catch (IllegalArgumentException e) {
            ctx.fail(OpenAdrException.badRequest("role must be BL or VEN, but was " + body.getValue("role")));
            return;
        }
        if (!(body.getValue("clientId") instanceof String clientId)
                || (body.getValue("venName") != null && !(body.getValue("venName") instanceof String))) {
            ctx.fail(OpenAdrException.badRequest("clientId (and venName when present) must be strings"));
            return;
        }
        tokens.register(clientId, role, body.getString("venName"))
                .onSuccess(creds -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("clientId", creds.clientId())
                                .put("clientSecret", creds.clientSecret()).encode()))
                .onFailure(ctx::fail);
    }
}
