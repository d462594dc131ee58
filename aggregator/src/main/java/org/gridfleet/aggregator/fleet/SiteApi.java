package org.gridfleet.aggregator.fleet;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.UUID;
import org.gridfleet.aggregator.http.Access;
import org.gridfleet.aggregator.http.AuthHandler;
import org.gridfleet.aggregator.http.CoreApi;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.aggregator.http.JsonFields;
import org.gridfleet.aggregator.http.Page;
import org.gridfleet.aggregator.http.Responses;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.aggregator.tenant.AuditEntry;
import org.gridfleet.aggregator.tenant.AuditLog;
import org.gridfleet.aggregator.tenant.Principal;

/** {@code /sites} and {@code /sites/{siteId}/chargers} of the fleet-owner API. */
public final class SiteApi {

    private final Jdbc jdbc;
    private final Clock clock;
    private final PasswordHasher passwords;
    private final AuditLog audit;
    private final SiteStore store = new SiteStore();

    public SiteApi(Jdbc jdbc, Clock clock, PasswordHasher passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.passwords = passwords;
        this.audit = audit;
    }

    public void register(Router api) {
        api.post("/sites").handler(ctx -> Responses.created(ctx, this::createSite));
        api.get("/sites").handler(ctx -> Responses.ok(ctx, this::listSites));
        api.get("/sites/:siteId").handler(ctx -> Responses.ok(ctx, this::getSite));
        api.put("/sites/:siteId").handler(ctx -> Responses.ok(ctx, this::putSite));
        api.delete("/sites/:siteId").handler(ctx -> Responses.noContent(ctx, this::deleteSite));
        api.post("/sites/:siteId/chargers").handler(ctx -> Responses.created(ctx, this::createCharger));
        api.get("/sites/:siteId/chargers").handler(ctx -> Responses.ok(ctx, this::listChargers));
        api.get("/sites/:siteId/chargers/:chargerId").handler(ctx -> Responses.ok(ctx, this::getCharger));
        api.put("/sites/:siteId/chargers/:chargerId").handler(ctx -> Responses.ok(ctx, this::putCharger));
        api.delete("/sites/:siteId/chargers/:chargerId").handler(ctx -> Responses.noContent(ctx, this::deleteCharger));
    }

    private Future<JsonObject> createSite(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Access.write(p);
        Site s = FleetJson.site(Responses.body(ctx), UUID.randomUUID(), p.tenantId(), clock.instant());
        return jdbc.tx(c -> {
            store.insertSite(c, s);
            JsonObject json = FleetJson.toJson(s);
            audit.append(c, p, s.tenantId(), new AuditEntry.Change("site.create", sitePath(s.id()), null, json));
            return json;
        });
    }

    private Future<JsonObject> listSites(RoutingContext ctx) {
        Scope scope = Access.read(AuthHandler.principal(ctx));
        Page page = Page.from(ctx.queryParams());
        return jdbc.tx(c -> {
            JsonArray items = new JsonArray();
            store.listSites(c, scope, page.limit(), page.offset()).forEach(s -> items.add(FleetJson.toJson(s)));
            return page.body(items, store.countSites(c, scope), ctx.request().path());
        });
    }

    private Future<JsonObject> getSite(RoutingContext ctx) {
        Scope scope = Access.read(AuthHandler.principal(ctx));
        UUID id = siteId(ctx);
        return jdbc.tx(c -> FleetJson.toJson(store.findSite(c, scope, id).orElseThrow(SiteApi::siteNotFound)));
    }

    private Future<JsonObject> putSite(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID id = siteId(ctx);
        JsonObject body = Responses.body(ctx);
        return jdbc.tx(c -> {
            Site old = store.findSite(c, scope, id).orElseThrow(SiteApi::siteNotFound);
            store.updateSite(c, scope, FleetJson.site(body, id, old.tenantId(), clock.instant()));
            JsonObject after = FleetJson.toJson(store.findSite(c, scope, id).orElseThrow());
            audit.append(c, p, old.tenantId(), new AuditEntry.Change("site.update", sitePath(id), FleetJson.toJson(old), after));
            return after;
        });
    }

    private Future<Boolean> deleteSite(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID id = siteId(ctx);
        return jdbc.tx(c -> {
            Site old = store.findSite(c, scope, id).orElseThrow(SiteApi::siteNotFound);
            store.deleteSite(c, scope, id);
            audit.append(c, p, old.tenantId(), new AuditEntry.Change("site.delete", sitePath(id), FleetJson.toJson(old), null));
            return true;
        });
    }

    private Future<JsonObject> createCharger(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID siteId = siteId(ctx);
        JsonObject body = Responses.body(ctx);
        return jdbc.tx(c -> {
            Site site = store.findSite(c, scope, siteId).orElseThrow(SiteApi::siteNotFound);
            FleetJson.ChargerRegistration reg = FleetJson.charger(body, null, siteId, site.tenantId(), clock.instant(), true);
            if (store.findChargerByIdentity(c, reg.charger().id()).isPresent()) {
                throw GridfleetException.conflict("a charger with id '" + reg.charger().id() + "' is already registered");
            }
            store.insertCharger(c, reg.charger(), passwords.hash(reg.password()));
            JsonObject json = FleetJson.toJson(reg.charger());
            audit.append(c, p, site.tenantId(), new AuditEntry.Change("charger.create",
                    chargerPath(siteId, reg.charger().id()), null, json));
            return json;
        });
    }

    private Future<JsonObject> listChargers(RoutingContext ctx) {
        Scope scope = Access.read(AuthHandler.principal(ctx));
        UUID siteId = siteId(ctx);
        Page page = Page.from(ctx.queryParams());
        return jdbc.tx(c -> {
            store.findSite(c, scope, siteId).orElseThrow(SiteApi::siteNotFound);
            JsonArray items = new JsonArray();
            store.listChargers(c, scope, siteId, page.limit(), page.offset()).forEach(ch -> items.add(FleetJson.toJson(ch)));
            return page.body(items, store.countChargers(c, scope, siteId), ctx.request().path());
        });
    }

    private Future<JsonObject> getCharger(RoutingContext ctx) {
        Scope scope = Access.read(AuthHandler.principal(ctx));
        UUID siteId = siteId(ctx);
        String id = chargerId(ctx);
        return jdbc.tx(c -> FleetJson.toJson(store.findCharger(c, scope, siteId, id).orElseThrow(SiteApi::chargerNotFound)));
    }

    private Future<JsonObject> putCharger(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID siteId = siteId(ctx);
        String id = chargerId(ctx);
        JsonObject body = Responses.body(ctx);
        return jdbc.tx(c -> {
            Charger old = store.findCharger(c, scope, siteId, id).orElseThrow(SiteApi::chargerNotFound);
            FleetJson.ChargerRegistration reg = FleetJson.charger(body, id, siteId, old.tenantId(), clock.instant(), false);
            store.updateCharger(c, scope, reg.charger(), reg.password() == null ? null : passwords.hash(reg.password()));
            JsonObject after = FleetJson.toJson(store.findCharger(c, scope, siteId, id).orElseThrow());
            // the password itself never reaches the log, only that it was replaced
            audit.append(c, p, old.tenantId(), new AuditEntry.Change("charger.update", chargerPath(siteId, id),
                    FleetJson.toJson(old), after.copy().put("passwordChanged", reg.password() != null)));
            return after;
        });
    }

    private Future<Boolean> deleteCharger(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID siteId = siteId(ctx);
        String id = chargerId(ctx);
        return jdbc.tx(c -> {
            Charger old = store.findCharger(c, scope, siteId, id).orElseThrow(SiteApi::chargerNotFound);
            store.deleteCharger(c, scope, siteId, id);
            audit.append(c, p, old.tenantId(), new AuditEntry.Change("charger.delete", chargerPath(siteId, id),
                    FleetJson.toJson(old), null));
            return true;
        });
    }

    private static String sitePath(UUID siteId) {
        return CoreApi.MOUNT_POINT + "/sites/" + siteId;
    }

    private static String chargerPath(UUID siteId, String chargerId) {
        return sitePath(siteId) + "/chargers/" + chargerId;
    }

    private static UUID siteId(RoutingContext ctx) {
        return JsonFields.pathId(ctx.pathParam("siteId"), "site");
    }

    /** A path charger id; one that cannot be an OCPP identity answers 404 like an unknown one. */
    private static String chargerId(RoutingContext ctx) {
        String id = ctx.pathParam("chargerId");
        if (!FleetJson.isChargerId(id)) {
            throw chargerNotFound();
        }
        return id;
    }

    private static GridfleetException siteNotFound() {
        return GridfleetException.notFound("site");
    }

    private static GridfleetException chargerNotFound() {
        return GridfleetException.notFound("charger");
    }
}
