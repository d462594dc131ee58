package org.gridfleet.aggregator.openadr.auth;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.aggregator.openadr.OpenAdrException;

/**
 * Admin registration of OpenADR clients, part of the Gridfleet API: {@code POST /api/v1/openadr/clients} with
 * {@code {"clientId", "role": "BL"|"VEN", "venName"?}} answers 201 {@code {"clientId", "clientSecret"}}; the secret
 * is shown once. Put authentication and the admin check in front. Failures are {@link GridfleetException}s, so
 * the server answers them as {@code application/problem+json} like the rest of {@code /api/v1}.
 */
public final class ClientRegistrationHandler implements Handler<RoutingContext> {

    public static final String PATH = "/api/v1/openadr/clients";

    private final OpenAdrTokenService tokens;

    public ClientRegistrationHandler(OpenAdrTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException e) {
            ctx.fail(GridfleetException.badRequest("body", "not JSON: " + e.getMessage()));
            return;
        }
        if (body == null) {
            ctx.fail(GridfleetException.badRequest("body", "must be a JSON object with clientId and role"));
            return;
        }
        ClientRole role;
        try {
            role = ClientRole.valueOf(String.valueOf(body.getValue("role")));
        } catch (IllegalArgumentException e) {
            ctx.fail(GridfleetException.badRequest("role", "must be BL or VEN, but was " + body.getValue("role")));
            return;
        }
        if (!(body.getValue("clientId") instanceof String clientId)) {
            ctx.fail(GridfleetException.badRequest("clientId", "must be a string"));
            return;
        }
        if (body.getValue("venName") != null && !(body.getValue("venName") instanceof String)) {
            ctx.fail(GridfleetException.badRequest("venName", "must be a string when present"));
            return;
        }
        tokens.register(clientId, role, body.getString("venName"))
                .onSuccess(creds -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("clientId", creds.clientId())
                                .put("clientSecret", creds.clientSecret()).encode()))
                .onFailure(e -> ctx.fail(asGridfleet(e, clientId)));
    }

    /** The token service speaks OpenADR problems; this endpoint belongs to the Gridfleet API. */
    private static Throwable asGridfleet(Throwable e, String clientId) {
        if (e instanceof OpenAdrException oe && oe.status() == 400) {
            return GridfleetException.badRequest(oe.field().orElse("body"), oe.detail());
        }
        if (e instanceof OpenAdrException oe && oe.status() == 409) {
            return GridfleetException.conflict("OpenADR client " + clientId + " is already registered");
        }
        return e;
    }
}
