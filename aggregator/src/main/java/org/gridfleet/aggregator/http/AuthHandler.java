package org.gridfleet.aggregator.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.aggregator.tenant.Principal;
import org.gridfleet.aggregator.tenant.TenantStore;

/**
 * Requires {@code Authorization: Bearer <token>} and puts the caller's {@link Principal} into the
 * routing context; an absent or unknown token fails the request with 401. Modules mounting their
 * own routers put this handler in front of them.
 */
public final class AuthHandler implements Handler<RoutingContext> {

    private static final String PRINCIPAL_KEY = "gridfleet.principal";
    private static final String BEARER = "Bearer ";

    private final Jdbc jdbc;
    private final TenantStore tenants;

    public AuthHandler(Jdbc jdbc, TenantStore tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.length() == BEARER.length()) {
            ctx.fail(GridfleetException.unauthorized("missing bearer token"));
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        jdbc.tx(c -> tenants.authenticate(c, token)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                ctx.fail(GridfleetException.unauthorized("unknown bearer token"));
            } else {
                ctx.put(PRINCIPAL_KEY, ar.result().get());
                ctx.next();
            }
        });
    }

    /** The authenticated caller; only valid behind this handler. */
    public static Principal principal(RoutingContext ctx) {
        return Optional.ofNullable(ctx.<Principal>get(PRINCIPAL_KEY))
                .orElseThrow(() -> GridfleetException.unauthorized("not authenticated"));
    }
}
