package org.gridfleet.aggregator.fleet;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.UUID;
import org.gridfleet.aggregator.http.Access;
import org.gridfleet.aggregator.http.AuthHandler;
import org.gridfleet.aggregator.http.Responses;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.aggregator.tenant.AuditEntry;
import org.gridfleet.aggregator.tenant.AuditLog;
import org.gridfleet.aggregator.tenant.Principal;

/**
 * {@code /fleets/{fleetId}/vehicles/{vehicleId}/history}: the vehicle's owner (or an admin) exports it as
 * JSON or CSV, or erases it. Ops may not: personal data leaves only with its controller. Both are audited.
 */
public final class VehiclePrivacyApi {

    private final Jdbc jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final VehicleHistory history;
    private final FleetStore store = new FleetStore();

    public VehiclePrivacyApi(Jdbc jdbc, Clock clock, AuditLog audit, VehicleHistory history) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.history = history;
    }

    public void register(Router api) {
        api.get("/fleets/:fleetId/vehicles/:vehicleId/history").handler(this::export);
        api.delete("/fleets/:fleetId/vehicles/:vehicleId/history").handler(ctx -> Responses.ok(ctx, this::erase));
    }

    private void export(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID fleetId = FleetApi.fleetId(ctx);
        UUID id = FleetApi.vehicleId(ctx);
        boolean csv = "csv".equals(ctx.queryParams().get("format"));
        jdbc.tx(c -> {
            Vehicle v = store.findVehicle(c, scope, fleetId, id).orElseThrow(FleetApi::vehicleNotFound);
            VehicleExport export = new VehicleExport(v, history.export(c, id), clock.instant());
            long rows = export.history().stream().mapToLong(r -> r.rows().size()).sum();
            audit.append(c, p, v.tenantId(), new AuditEntry.Change("vehicle.history.export",
                    FleetApi.vehiclePath(fleetId, id), null, new JsonObject().put("format", csv ? "csv" : "json")
                    .put("rows", rows)));
            return export;
        }).onSuccess(export -> ctx.response()
                .putHeader("content-type", csv ? "text/csv; charset=utf-8" : "application/json")
                .putHeader("content-disposition", "attachment; filename=\"vehicle-" + id + (csv ? ".csv\"" : ".json\""))
                .end(csv ? export.toCsv() : export.toJson().encode())).onFailure(ctx::fail);
    }

    private Future<JsonObject> erase(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID fleetId = FleetApi.fleetId(ctx);
        UUID id = FleetApi.vehicleId(ctx);
        return jdbc.tx(c -> {
            Vehicle v = store.findVehicle(c, scope, fleetId, id).orElseThrow(FleetApi::vehicleNotFound);
            JsonObject receipt = new JsonObject().put("erasedRows", history.erase(c, v));
            audit.append(c, p, v.tenantId(), new AuditEntry.Change("vehicle.history.erase",
                    FleetApi.vehiclePath(fleetId, id), null, receipt));
            return receipt;
        });
    }
}
