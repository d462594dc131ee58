package org.gridfleet.aggregator.tenant;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.gridfleet.aggregator.fleet.Scope;
import org.gridfleet.aggregator.http.Access;
import org.gridfleet.aggregator.http.AuthHandler;
import org.gridfleet.aggregator.http.Page;
import org.gridfleet.aggregator.http.Responses;
import org.gridfleet.aggregator.storage.Jdbc;

/** {@code GET /audit}: admin and ops read every entry, a fleet owner those about its own resources; newest first. */
public final class AuditApi {

    private final Jdbc jdbc;
    private final AuditLog log;

    public AuditApi(Jdbc jdbc, AuditLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    public void register(Router api) {
        api.get("/audit").handler(ctx -> Responses.ok(ctx, this::list));
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        Scope scope = Access.read(AuthHandler.principal(ctx));
        Page page = Page.from(ctx.queryParams());
        return jdbc.tx(c -> {
            JsonArray items = new JsonArray();
            log.list(c, scope, page.limit(), page.offset()).forEach(e -> items.add(e.toJson()));
            return page.body(items, log.count(c, scope), ctx.request().path());
        });
    }
}
