package org.gridfleet.aggregator.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.security.SecureRandom;
import org.gridfleet.aggregator.auth.ApiTokens;
import org.gridfleet.aggregator.auth.InvalidTokenException;
import org.gridfleet.aggregator.auth.JwtCodec;
import org.gridfleet.aggregator.auth.SigningKey;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.aggregator.tenant.Principal;
import org.gridfleet.aggregator.tenant.TenantStore;

/**
 * Requires {@code Authorization: Bearer <token>} and puts the caller's {@link Principal} into the
 * routing context. The token is either a long-lived API key (looked up by hash in the database) or a
 * short-lived signed JWT from {@code POST /api/v1/auth/token} (verified by {@link ApiTokens}, no database).
 * An absent or unknown API key or a refused JWT fails the request with 401 saying why. A client address that
 * presented {@value #FAILURES_PER_WINDOW} bad tokens within a minute gets 429 with Retry-After
 * until its budget refills, so tokens cannot be guessed at speed. Modules mounting their own
 * routers put this handler in front of them.
 */
public final class AuthHandler implements Handler<RoutingContext> {

    private static final String PRINCIPAL_KEY = "gridfleet.principal";
    private static final String VIA_JWT_KEY = "gridfleet.viaJwt";
    private static final String BEARER = "Bearer ";

    /** Unknown tokens one client address may present per {@link #FAILURE_WINDOW} before it must wait. */
    public static final int FAILURES_PER_WINDOW = 10;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);

    private final Jdbc jdbc;
    private final TenantStore tenants;
    private final ApiTokens jwts;
    private final RateLimiter failures;

    public AuthHandler(Jdbc jdbc, TenantStore tenants, ApiTokens jwts, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.jwts = jwts;
        this.failures = new RateLimiter(clock, FAILURES_PER_WINDOW, FAILURE_WINDOW);
    }

    /** With a per-process signing key and the default JWT lifetime, for tests that mount one module. */
    public AuthHandler(Jdbc jdbc, TenantStore tenants, Clock clock) {
        this(jdbc, tenants, new ApiTokens(SigningKey.random(new SecureRandom()), ApiTokens.DEFAULT_LIFETIME, clock),
                clock);
    }

    /** Issues the signed short-lived tokens this handler accepts. */
    public ApiTokens jwts() {
        return jwts;
    }

    @Override
    public void handle(RoutingContext ctx) {
        // the peer address, not X-Forwarded-For: a client could forge that header to dodge the limit
        String client = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
        Optional<Duration> wait = failures.blocked(client);
        if (wait.isPresent()) {
            ctx.fail(GridfleetException.tooManyRequests("too many unknown bearer tokens from this address", wait.get()));
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.length() == BEARER.length()) {
            ctx.fail(GridfleetException.unauthorized("missing bearer token"));
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        if (JwtCodec.looksLikeJwt(token)) {
            try {
                ctx.put(PRINCIPAL_KEY, jwts.verify(token));
            } catch (InvalidTokenException e) {
                failures.acquire(client);
                ctx.fail(GridfleetException.unauthorized("bearer JWT refused: " + e.getMessage()));
                return;
            }
            ctx.put(VIA_JWT_KEY, Boolean.TRUE);
            ctx.next();
            return;
        }
        jdbc.tx(c -> tenants.authenticate(c, token)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                failures.acquire(client);
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

    /** True when the caller presented a signed JWT rather than its API key; only valid behind this handler. */
    public static boolean viaJwt(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(VIA_JWT_KEY));
    }
}
