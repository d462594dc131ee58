package org.gridfleet.aggregator.fleet;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
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

/** {@code /fleets} and {@code /fleets/{fleetId}/vehicles} of the fleet-owner API. */
public final class FleetApi {

    private final Jdbc jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final VehicleHistory history;
    private final FleetStore store = new FleetStore();

    public FleetApi(Jdbc jdbc, Clock clock, AuditLog audit, VehicleHistory history) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.history = history;
    }

    public void register(Router api) {
        api.post("/fleets").handler(ctx -> Responses.created(ctx, this::createFleet));
        api.get("/fleets").handler(ctx -> Responses.ok(ctx, this::listFleets));
        api.get("/fleets/:fleetId").handler(ctx -> Responses.ok(ctx, this::getFleet));
        api.put("/fleets/:fleetId").handler(ctx -> Responses.ok(ctx, this::putFleet));
        api.delete("/fleets/:fleetId").handler(ctx -> Responses.noContent(ctx, this::deleteFleet));
        api.post("/fleets/:fleetId/vehicles").handler(ctx -> Responses.created(ctx, this::createVehicle));
        api.get("/fleets/:fleetId/vehicles").handler(ctx -> Responses.ok(ctx, this::listVehicles));
        api.get("/fleets/:fleetId/vehicles/:vehicleId").handler(ctx -> Responses.ok(ctx, this::getVehicle));
        api.put("/fleets/:fleetId/vehicles/:vehicleId").handler(ctx -> Responses.ok(ctx, this::putVehicle));
        api.delete("/fleets/:fleetId/vehicles/:vehicleId").handler(ctx -> Responses.noContent(ctx, this::deleteVehicle));
    }

    private Future<JsonObject> createFleet(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Access.write(p);
        String name = FleetJson.fleetName(Responses.body(ctx));
        Instant now = clock.instant();
        Fleet f = new Fleet(UUID.randomUUID(), p.tenantId(), name, now, now);
        return jdbc.tx(c -> {
            store.insertFleet(c, f);
            JsonObject json = FleetJson.toJson(f);
            audit.append(c, p, f.tenantId(), new AuditEntry.Change("fleet.create", fleetPath(f.id()), null, json));
            return json;
        });
    }

    private Future<JsonObject> listFleets(RoutingContext ctx) {
        Scope scope = Access.read(AuthHandler.principal(ctx));
        Page page = Page.from(ctx.queryParams());
        return jdbc.tx(c -> {
            JsonArray items = new JsonArray();
            store.listFleets(c, scope, page.limit(), page.offset()).forEach(f -> items.add(FleetJson.toJson(f)));
            return page.body(items, store.countFleets(c, scope), ctx.request().path());
        });
    }

    private Future<JsonObject> getFleet(RoutingContext ctx) {
        Scope scope = Access.read(AuthHandler.principal(ctx));
        UUID id = fleetId(ctx);
        return jdbc.tx(c -> FleetJson.toJson(store.findFleet(c, scope, id).orElseThrow(FleetApi::fleetNotFound)));
    }

    private Future<JsonObject> putFleet(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID id = fleetId(ctx);
        String name = FleetJson.fleetName(Responses.body(ctx));
        Instant now = clock.instant();
        return jdbc.tx(c -> {
            Fleet before = store.findFleet(c, scope, id).orElseThrow(FleetApi::fleetNotFound);
            store.updateFleet(c, scope, id, name, now);
            JsonObject after = FleetJson.toJson(store.findFleet(c, scope, id).orElseThrow());
            audit.append(c, p, before.tenantId(),
                    new AuditEntry.Change("fleet.update", fleetPath(id), FleetJson.toJson(before), after));
            return after;
        });
    }

    private Future<Boolean> deleteFleet(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID id = fleetId(ctx);
        return jdbc.tx(c -> {
            Fleet before = store.findFleet(c, scope, id).orElseThrow(FleetApi::fleetNotFound);
            for (Vehicle v : store.listVehicles(c, scope, id, Integer.MAX_VALUE, 0)) {
                history.erase(c, v);
            }
            store.deleteFleet(c, scope, id);
            audit.append(c, p, before.tenantId(),
                    new AuditEntry.Change("fleet.delete", fleetPath(id), FleetJson.toJson(before), null));
            return true;
        });
    }

    private Future<JsonObject> createVehicle(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID fleetId = fleetId(ctx);
        JsonObject body = Responses.body(ctx);
        return jdbc.tx(c -> {
            Fleet fleet = store.findFleet(c, scope, fleetId).orElseThrow(FleetApi::fleetNotFound);
            Vehicle v = FleetJson.vehicle(body, UUID.randomUUID(), fleetId, fleet.tenantId(), clock.instant());
            store.insertVehicle(c, v);
            audit.append(c, p, v.tenantId(), new AuditEntry.Change("vehicle.create", vehiclePath(fleetId, v.id()), null,
                    VehicleAudit.snapshot(v)));
            return FleetJson.toJson(v);
        });
    }

    private Future<JsonObject> listVehicles(RoutingContext ctx) {
        Scope scope = Access.read(AuthHandler.principal(ctx));
        UUID fleetId = fleetId(ctx);
        Page page = Page.from(ctx.queryParams());
        return jdbc.tx(c -> {
            store.findFleet(c, scope, fleetId).orElseThrow(FleetApi::fleetNotFound);
            JsonArray items = new JsonArray();
            store.listVehicles(c, scope, fleetId, page.limit(), page.offset()).forEach(v -> items.add(FleetJson.toJson(v)));
            return page.body(items, store.countVehicles(c, scope, fleetId), ctx.request().path());
        });
    }

    private Future<JsonObject> getVehicle(RoutingContext ctx) {
        Scope scope = Access.read(AuthHandler.principal(ctx));
        UUID fleetId = fleetId(ctx);
        UUID id = vehicleId(ctx);
        return jdbc.tx(c -> FleetJson.toJson(store.findVehicle(c, scope, fleetId, id).orElseThrow(FleetApi::vehicleNotFound)));
    }

    private Future<JsonObject> putVehicle(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID fleetId = fleetId(ctx);
        UUID id = vehicleId(ctx);
        JsonObject body = Responses.body(ctx);
        return jdbc.tx(c -> {
            Vehicle old = store.findVehicle(c, scope, fleetId, id).orElseThrow(FleetApi::vehicleNotFound);
            Vehicle v = FleetJson.vehicle(body, id, fleetId, old.tenantId(), clock.instant());
            store.updateVehicle(c, scope, v);
            Vehicle after = store.findVehicle(c, scope, fleetId, id).orElseThrow();
            audit.append(c, p, old.tenantId(), new AuditEntry.Change("vehicle.update", vehiclePath(fleetId, id),
                    VehicleAudit.snapshot(old), VehicleAudit.snapshotAfterUpdate(old, after)));
            return FleetJson.toJson(after);
        });
    }

    private Future<Boolean> deleteVehicle(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID fleetId = fleetId(ctx);
        UUID id = vehicleId(ctx);
        return jdbc.tx(c -> {
            Vehicle before = store.findVehicle(c, scope, fleetId, id).orElseThrow(FleetApi::vehicleNotFound);
            history.erase(c, before); // deleting a vehicle leaves no personal history behind
            store.deleteVehicle(c, scope, fleetId, id);
            audit.append(c, p, before.tenantId(), new AuditEntry.Change("vehicle.delete", vehiclePath(fleetId, id),
                    VehicleAudit.snapshot(before), null));
            return true;
        });
    }

    private static String fleetPath(UUID fleetId) {
        return CoreApi.MOUNT_POINT + "/fleets/" + fleetId;
    }

    static String vehiclePath(UUID fleetId, UUID vehicleId) {
        return fleetPath(fleetId) + "/vehicles/" + vehicleId;
    }

    static UUID fleetId(RoutingContext ctx) {
        return JsonFields.pathId(ctx.pathParam("fleetId"), "fleet");
    }

    static UUID vehicleId(RoutingContext ctx) {
        return JsonFields.pathId(ctx.pathParam("vehicleId"), "vehicle");
    }

    private static GridfleetException fleetNotFound() {
        return GridfleetException.notFound("fleet");
    }

    static GridfleetException vehicleNotFound() {
        return GridfleetException.notFound("vehicle");
    }
}
