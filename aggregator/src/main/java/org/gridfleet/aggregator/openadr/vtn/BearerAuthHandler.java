package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.auth.OpenAdrTokenService;

/**
 * Resolves {@code Authorization: Bearer <token>} into a {@link Caller}. A missing, unknown or expired token
 * is refused with 403: the 3.0.1 contract declares 403 (and no 401) for every protected operation.
 */
final class BearerAuthHandler implements Handler<RoutingContext> {

    private static final String PREFIX = "Bearer ";

    private final OpenAdrTokenService tokens;
    private final CallerResolver callers;

    BearerAuthHandler(OpenAdrTokenService tokens, CallerResolver callers) {
        this.tokens = tokens;
        this.callers = callers;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            ctx.fail(OpenAdrException.forbidden("Authorization: a Bearer access token from /auth/token is required"));
            return;
        }
        tokens.authenticate(header.substring(PREFIX.length()).trim()).compose(principal -> principal.isEmpty()
                        ? io.vertx.core.Future.<Caller>failedFuture(
                                OpenAdrException.forbidden("Authorization: unknown or expired access token"))
                        : callers.resolve(principal.get()))
                .onSuccess(caller -> {
                    ctx.put(Caller.CONTEXT_KEY, caller);
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }
}
