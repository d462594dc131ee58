package org.gridfleet.aggregator.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import org.gridfleet.aggregator.http.AuthHandler;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.aggregator.http.RateLimiter;
import org.gridfleet.aggregator.http.Responses;
import org.gridfleet.aggregator.tenant.Principal;
import org.gridfleet.aggregator.tenant.Role;

/**
 * {@code POST /auth/token} under {@code /api/v1}: trades the long-lived API key in the Authorization header for
 * a signed JWT of {@link ApiTokens}. Only an API key may be traded (a JWT cannot renew itself, so a leaked one
 * dies with its lifetime), and at most {@value #EXCHANGES_PER_WINDOW} per key per {@link #EXCHANGE_WINDOW}
 * (429 with Retry-After beyond). A utility has nothing to call under {@code /api/v1} and gets 403 here too.
 * Mount behind the {@link AuthHandler}.
 */
public final class TokenExchangeApi {

    public static final String PATH = "/auth/token";
    public static final int EXCHANGES_PER_WINDOW = 30;
    public static final Duration EXCHANGE_WINDOW = Duration.ofMinutes(1);

    private final ApiTokens tokens;
    private final RateLimiter exchanges;

    public TokenExchangeApi(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.exchanges = new RateLimiter(clock, EXCHANGES_PER_WINDOW, EXCHANGE_WINDOW);
    }

    public void register(Router api) {
        api.post(PATH).handler(ctx -> {
            ctx.response().putHeader("Cache-Control", "no-store");
            Responses.ok(ctx, this::exchange);
        });
    }

    private Future<JsonObject> exchange(RoutingContext ctx) {
        Principal caller = AuthHandler.principal(ctx);
        if (caller.role() == Role.UTILITY) {
            throw GridfleetException.forbidden("role utility has no /api/v1 access; OpenADR clients get tokens at "
                    + "/openadr3/auth/token");
        }
        if (AuthHandler.viaJwt(ctx)) {
            throw GridfleetException.forbidden("a JWT cannot be traded for another; present the API key");
        }
        exchanges.acquire(caller.tokenId().toString()).ifPresent(wait -> {
            throw GridfleetException.tooManyRequests("too many token exchanges for this API key", wait);
        });
        ApiTokens.Issued issued = tokens.issue(caller);
        return Future.succeededFuture(new JsonObject().put("accessToken", issued.accessToken())
                .put("tokenType", "Bearer").put("expiresIn", issued.lifetime().toSeconds())
                .put("expiresAt", issued.expiresAt().toString()).put("tenantId", caller.tenantId().toString())
                .put("role", caller.role().wireName()));
    }
}
