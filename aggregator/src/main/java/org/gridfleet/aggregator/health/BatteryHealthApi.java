package org.gridfleet.aggregator.health;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.gridfleet.aggregator.fleet.FleetStore;
import org.gridfleet.aggregator.fleet.Scope;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.aggregator.http.Access;
import org.gridfleet.aggregator.http.AuthHandler;
import org.gridfleet.aggregator.http.CoreApi;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.aggregator.http.JsonFields;
import org.gridfleet.aggregator.http.Responses;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.aggregator.tenant.AuditEntry;
import org.gridfleet.aggregator.tenant.AuditLog;
import org.gridfleet.aggregator.tenant.Principal;
import org.gridfleet.degradation.BatteryHealth;
import org.gridfleet.degradation.BatteryPack;
import org.gridfleet.degradation.budget.BudgetAccount;
import org.gridfleet.degradation.budget.DegradationBudget;

/**
 * {@code /fleets/{fleetId}/vehicles/{vehicleId}/battery-health} (read: capacity, cycles, remaining life, wear
 * price, budget status) and {@code .../degradation-budget} (the owner sets the vehicle's budget; audited).
 * Tenant-isolated like the vehicle itself: another tenant's vehicle answers 404.
 */
public final class BatteryHealthApi {

    private final Jdbc jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final FleetStore fleets = new FleetStore();
    private final HealthStore store = new HealthStore();
    private final WearPricing pricing = new WearPricing();

    public BatteryHealthApi(Jdbc jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public void register(Router api) {
        api.get("/fleets/:fleetId/vehicles/:vehicleId/battery-health").handler(ctx -> Responses.ok(ctx, this::get));
        api.put("/fleets/:fleetId/vehicles/:vehicleId/degradation-budget").handler(ctx -> Responses.ok(ctx, this::put));
    }

    private Future<JsonObject> get(RoutingContext ctx) {
        Scope scope = Access.read(AuthHandler.principal(ctx));
        UUID fleetId = JsonFields.pathId(ctx.pathParam("fleetId"), "fleet");
        UUID id = JsonFields.pathId(ctx.pathParam("vehicleId"), "vehicle");
        return jdbc.tx(c -> status(c, find(c, scope, fleetId, id)));
    }

    private Future<JsonObject> put(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Scope scope = Access.write(p);
        UUID fleetId = JsonFields.pathId(ctx.pathParam("fleetId"), "fleet");
        UUID id = JsonFields.pathId(ctx.pathParam("vehicleId"), "vehicle");
        DegradationBudget budget = OwnerBudget.parse(Responses.body(ctx));
        return jdbc.tx(c -> {
            Vehicle v = find(c, scope, fleetId, id);
            JsonObject before = store.ownerBudget(c, id).map(BatteryHealthApi::budgetJson).orElse(null);
            store.setOwnerBudget(c, id, budget, clock.instant());
            audit.append(c, p, v.tenantId(), new AuditEntry.Change("vehicle.degradation-budget.update",
                    CoreApi.MOUNT_POINT + "/fleets/" + fleetId + "/vehicles/" + id + "/degradation-budget", before,
                    budgetJson(budget)));
            return status(c, v).getJsonObject("budget");
        });
    }

    private Vehicle find(Connection c, Scope scope, UUID fleetId, UUID id) throws SQLException {
        return fleets.findVehicle(c, scope, fleetId, id).orElseThrow(() -> GridfleetException.notFound("vehicle"));
    }

    private JsonObject status(Connection c, Vehicle v) throws SQLException {
        Optional<HealthRecord> rec = store.find(c, v.id());
        BatteryPack pack = WearPricing.pack(v);
        BatteryHealth health = rec.map(r -> BatteryHealth.of(pack, r.state())).orElse(BatteryHealth.fresh(pack));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        WearLedger ledger = rec.map(HealthRecord::ledger).orElse(WearLedger.empty(today));
        JsonObject out = new JsonObject()
                .put("vehicleId", v.id().toString())
                .put("model", pack.chemistry().id())
                .put("asOf", rec.map(r -> r.asOf().toString()).orElse(null))
                .put("relativeCapacity", health.relativeCapacity())
                .put("equivalentFullCycles", health.state().equivalentFullCycles())
                .put("endOfLifeCapacity", WearPricing.endOfLifeCapacity())
                .put("remainingLifeYears", rec.flatMap(r -> r.remainingLifeYears().isPresent()
                        ? Optional.of(r.remainingLifeYears().getAsDouble()) : Optional.empty()).orElse(null))
                .put("wearPricePerKwh", pricing.pricePerKwh(health))
                .put("dischargedKwh", rec.map(HealthRecord::dischargedKwh).orElse(0.0));
        out.put("budget", OwnerBudget.effective(store.ownerBudget(c, v.id()), v.v2g())
                .map(b -> budgetStatus(b, ledger.account(b.budget(), today), today)).orElse(null));
        return out;
    }

    private static JsonObject budgetJson(DegradationBudget b) {
        return new JsonObject().put("kind", OwnerBudget.kind(b)).put("limit", b.limit());
    }

    private static JsonObject budgetStatus(OwnerBudget b, BudgetAccount account, LocalDate today) {
        return budgetJson(b.budget()).put("source", b.source()).put("periodStart", account.periodStart().toString())
                .put("spent", account.spent()).put("remaining", account.remaining(today))
                .put("exhausted", !account.allowsDischarge(today));
    }
}
