package org.gridfleet.aggregator.openadr.vtn;

import io.netty.handler.codec.DecoderException;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.gridfleet.aggregator.http.RateLimiter;
import org.gridfleet.aggregator.openadr.auth.OpenAdrTokenService;
import org.gridfleet.aggregator.openadr.auth.TokenRequestException;

/**
 * {@code POST /auth/token}: the OAuth2 client-credentials grant (RFC 6749 4.4) with a form-encoded body.
 * Refusals are the contract's {@code authError} with status 400 (3.0.1 declares no 401 here).
 *
 * <p>A client address that sent {@value #FAILURES_PER_WINDOW} wrong client credentials within
 * {@link #FAILURE_WINDOW} is refused before any secret is hashed until its budget refills: each check costs a
 * PBKDF2 run, so unlimited guessing would also burn the server's CPU. The contract declares no 429 for this
 * operation, so the refusal is a 400 {@code invalid_request} with {@code Retry-After}.
 */
final class TokenEndpoint implements Handler<RoutingContext> {

    static final int FAILURES_PER_WINDOW = 10;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);

    private final OpenAdrTokenService tokens;
    private final RateLimiter failures;

    TokenEndpoint(OpenAdrTokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.failures = new RateLimiter(clock, FAILURES_PER_WINDOW, FAILURE_WINDOW);
    }

    @Override
    public void handle(RoutingContext ctx) {
        // the peer address, not X-Forwarded-For: a client could forge that header to dodge the limit
        String client = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
        Optional<Duration> wait = failures.blocked(client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ctx.response().putHeader("Retry-After", String.valueOf(seconds));
            refuse(ctx, new TokenRequestException("invalid_request", "too many wrong client credentials from this "
                    + "address; retry after " + seconds + " s"));
            return;
        }
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            refuse(ctx, new TokenRequestException("invalid_request",
                    "Content-Type must be application/x-www-form-urlencoded"));
            return;
        }
        MultiMap form = ctx.request().formAttributes();
        String grantType = form.get("grant_type");
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        if (grantType == null || clientId == null || clientSecret == null) {
            refuse(ctx, new TokenRequestException("invalid_request", "grant_type, client_id and client_secret are required"));
            return;
        }
        if (!"client_credentials".equals(grantType)) {
            refuse(ctx, new TokenRequestException("unsupported_grant_type", "only client_credentials is supported"));
            return;
        }
        tokens.issue(clientId, clientSecret).onSuccess(token -> ctx.response()
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("access_token", token.accessToken()).put("token_type", "Bearer")
                                .put("expires_in", token.expiresInSeconds()).put("scope", token.scope()).encode()))
                .onFailure(e -> {
                    if (e instanceof TokenRequestException refused) {
                        if ("invalid_client".equals(refused.error())) {
                            failures.acquire(client);
                        }
                        refuse(ctx, refused);
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    /**
     * Failure handler of the token route: a form body that cannot be decoded (e.g. {@code %ZZ}) or holds a field
     * longer than the server's form attribute limit fails inside Vert.x before {@link #handle} runs; it is the
     * client's error, answered as the contract's authError.
     */
    static void refuseUndecodableForm(RoutingContext ctx) {
        if (ctx.failure() instanceof DecoderException e) {
            refuse(ctx, new TokenRequestException("invalid_request",
                    "the body is not valid application/x-www-form-urlencoded: " + e.getMessage()));
        } else if (ctx.failure() instanceof IOException e) {
            refuse(ctx, new TokenRequestException("invalid_request", "the form cannot be read: " + e.getMessage()));
        } else {
            ctx.next();
        }
    }

    private static void refuse(RoutingContext ctx, TokenRequestException e) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", e.error()).put("error_description", e.getMessage()).encode());
    }
}
