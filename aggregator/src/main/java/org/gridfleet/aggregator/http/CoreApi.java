package org.gridfleet.aggregator.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Duration;
import org.gridfleet.aggregator.auth.TokenExchangeApi;
import org.gridfleet.aggregator.fleet.FleetApi;
import org.gridfleet.aggregator.fleet.PasswordHasher;
import org.gridfleet.aggregator.fleet.SiteApi;
import org.gridfleet.aggregator.fleet.VehicleHistory;
import org.gridfleet.aggregator.fleet.VehiclePrivacyApi;
import org.gridfleet.aggregator.health.BatteryHealthApi;
import org.gridfleet.aggregator.tenant.AuditApi;
import org.gridfleet.aggregator.tenant.AuditLog;
import org.gridfleet.aggregator.tenant.TenantApi;
import org.gridfleet.aggregator.tenant.TenantStore;
import org.gridfleet.aggregator.tenant.TokenHasher;

/** The bearer-authenticated {@code /api/v1}: token exchange, tenants, audit log, fleets, vehicles, sites, chargers. */
public final class CoreApi implements RouteModule {

    public static final String MOUNT_POINT = "/api/v1";
    /** Tokens one caller may issue per {@link #TOKEN_WINDOW}: enough for onboarding, too few to mint a stockpile. */
    public static final int TOKENS_PER_WINDOW = 20;
    public static final Duration TOKEN_WINDOW = Duration.ofMinutes(1);

    private final SecureRandom random;
    private final int passwordIterations;

    public CoreApi(SecureRandom random, int passwordIterations) {
        this.random = random;
        this.passwordIterations = passwordIterations;
    }

    @Override
    public String mountPoint() {
        return MOUNT_POINT;
    }

    @Override
    public Router router(Vertx vertx, ApiContext context) {
        Router api = Router.router(vertx);
        api.route().handler(context.auth()).handler(new JsonBodyGuard()).handler(context.contract());
        AuditLog audit = new AuditLog(context.clock());
        RateLimiter issuing = new RateLimiter(context.clock(), TOKENS_PER_WINDOW, TOKEN_WINDOW);
        api.post("/tenants/:tenantId/tokens").handler(ctx -> issuing.acquire(AuthHandler.principal(ctx).tokenId().toString())
                .ifPresentOrElse(wait -> ctx.fail(GridfleetException.tooManyRequests("too many tokens issued", wait)),
                        ctx::next));
        new TokenExchangeApi(context.auth().jwts(), context.clock()).register(api);
        new TenantApi(context.jdbc(), new TenantStore(context.clock()), new TokenHasher(random), audit).register(api);
        new AuditApi(context.jdbc(), audit).register(api);
        VehicleHistory history = new VehicleHistory(context.clock());
        new FleetApi(context.jdbc(), context.clock(), audit, history).register(api);
        new VehiclePrivacyApi(context.jdbc(), context.clock(), audit, history).register(api);
        new BatteryHealthApi(context.jdbc(), context.clock(), audit).register(api);
        new SiteApi(context.jdbc(), context.clock(), new PasswordHasher(random, passwordIterations), audit).register(api);
        return api;
    }
}
