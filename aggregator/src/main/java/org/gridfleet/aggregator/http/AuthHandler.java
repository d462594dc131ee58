package org.gridfleet.aggregator.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.aggregator.tenant.Principal;
import org.gridfleet.aggregator.tenant.TenantStore;

/**
 * Requires {@code Authorization: Bearer <token>} and puts the caller's {@link Principal} into the
 * routing context; an absent or unknown token fails the request with 401. A client address that
 * presented {@value #FAILURES_PER_WINDOW} unknown tokens within a minute gets 429 with Retry-After
 * until its budget refills, so tokens cannot be guessed at speed. Modules mounting their own
 * routers put this handler in front of them.
 */
public final class AuthHandler implements Handler<RoutingContext> {

    private static final String PRINCIPAL_KEY = "gridfleet.principal";
    private static final String BEARER = "Bearer ";

    /** Unknown tokens one client address may present per {@link #FAILURE_WINDOW} before it must wait. */
    public static final int FAILURES_PER_WINDOW = 10;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);

    private final Jdbc jdbc;
    private final TenantStore tenants;
    private final RateLimiter failures;

    public AuthHandler(Jdbc jdbc, TenantStore tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.failures = new RateLimiter(clock, FAILURES_PER_WINDOW, FAILURE_WINDOW);
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
}
