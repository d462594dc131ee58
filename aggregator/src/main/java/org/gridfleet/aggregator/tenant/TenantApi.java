package org.gridfleet.aggregator.tenant;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.UUID;
import org.gridfleet.aggregator.http.Access;
import org.gridfleet.aggregator.http.AuthHandler;
import org.gridfleet.aggregator.http.CoreApi;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.aggregator.http.JsonFields;
import org.gridfleet.aggregator.http.Page;
import org.gridfleet.aggregator.http.Responses;
import org.gridfleet.aggregator.storage.Jdbc;

/** {@code /tenants} and {@code /tenants/{id}/tokens}: admin only. */
public final class TenantApi {

    private final Jdbc jdbc;
    private final TenantStore store;
    private final TokenHasher tokens;
    private final AuditLog audit;

    public TenantApi(Jdbc jdbc, TenantStore store, TokenHasher tokens, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.tokens = tokens;
        this.audit = audit;
    }

    public void register(Router api) {
        api.post("/tenants").handler(ctx -> Responses.created(ctx, this::create));
        api.get("/tenants").handler(ctx -> Responses.ok(ctx, this::list));
        api.get("/tenants/:tenantId").handler(ctx -> Responses.ok(ctx, this::get));
        api.post("/tenants/:tenantId/tokens").handler(ctx -> Responses.created(ctx, this::issueToken));
    }

    private Future<JsonObject> create(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Access.requireAdmin(p);
        JsonFields f = JsonFields.of(Responses.body(ctx), "", Set.of("name", "role"));
        String name = f.string("name", 200);
        Role role = f.oneOf("role", Role.class, Role::fromWire);
        return jdbc.tx(c -> {
            Tenant t = store.create(c, name, role);
            JsonObject json = toJson(t);
            audit.append(c, p, t.id(), new AuditEntry.Change("tenant.create", tenantPath(t.id()), null, json));
            return json;
        });
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        Access.requireAdmin(AuthHandler.principal(ctx));
        Page page = Page.from(ctx.queryParams());
        return jdbc.tx(c -> {
            JsonArray items = new JsonArray();
            store.list(c, page.limit(), page.offset()).forEach(t -> items.add(toJson(t)));
            return page.body(items, store.count(c), ctx.request().path());
        });
    }

    private Future<JsonObject> get(RoutingContext ctx) {
        Access.requireAdmin(AuthHandler.principal(ctx));
        UUID id = JsonFields.pathId(ctx.pathParam("tenantId"), "tenant");
        return jdbc.tx(c -> toJson(store.find(c, id).orElseThrow(() -> GridfleetException.notFound("tenant"))));
    }

    /** Issues a new token; the plain token appears in this response only. */
    private Future<JsonObject> issueToken(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Access.requireAdmin(p);
        UUID tenantId = JsonFields.pathId(ctx.pathParam("tenantId"), "tenant");
        if (ctx.body().length() > 0) {
            JsonFields.of(Responses.body(ctx), "", Set.of()); // no options yet: anything else is a mistake
        }
        String token = tokens.newToken();
        return jdbc.tx(c -> {
            store.find(c, tenantId).orElseThrow(() -> GridfleetException.notFound("tenant"));
            UUID id = store.addToken(c, tenantId, token);
            // the token itself is never logged: its id is enough to revoke it
            audit.append(c, p, tenantId, new AuditEntry.Change("token.issue", tenantPath(tenantId) + "/tokens/" + id, null,
                    new JsonObject().put("tokenId", id.toString())));
            return new JsonObject().put("id", id.toString()).put("tenantId", tenantId.toString()).put("token", token);
        });
    }

    private static String tenantPath(UUID tenantId) {
        return CoreApi.MOUNT_POINT + "/tenants/" + tenantId;
    }

    static JsonObject toJson(Tenant t) {
        return new JsonObject().put("id", t.id().toString()).put("name", t.name()).put("role", t.role().wireName())
                .put("createdAt", t.createdAt().toString());
    }
}
