package org.gridfleet.aggregator.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the audit log keeps of a vehicle: every control setting (consent, reserve, targets, powers) but
 * not the personal identifiers (name, idToken, evId). The log is append-only and outlives an erasure,
 * so it must never hold what identifies a driver; an update says which identifiers changed.
 */
final class VehicleAudit {

    private static final List<String> IDENTIFIERS = List.of("name", "idToken", "evId");
    private static final List<Function<Vehicle, Object>> IDENTIFIER_VALUES =
            List.of(Vehicle::name, Vehicle::idToken, Vehicle::evId);

    private VehicleAudit() {
    }

    static JsonObject snapshot(Vehicle v) {
        JsonObject o = FleetJson.toJson(v);
        IDENTIFIERS.forEach(o::remove);
        return o;
    }

    /** The snapshot of {@code after}, with {@code identifiersChanged} naming the identifiers that differ from {@code before}. */
    static JsonObject snapshotAfterUpdate(Vehicle before, Vehicle after) {
        JsonArray changed = new JsonArray();
        for (int i = 0; i < IDENTIFIERS.size(); i++) {
            if (!Objects.equals(IDENTIFIER_VALUES.get(i).apply(before), IDENTIFIER_VALUES.get(i).apply(after))) {
                changed.add(IDENTIFIERS.get(i));
            }
        }
        return snapshot(after).put("identifiersChanged", changed);
    }
}
