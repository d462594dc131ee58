package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;
import org.gridfleet.aggregator.openadr.store.StoredObject;

/** Resolves the VEN_NAME targets of an event to the sites (resource names) registered for those VENs. */
final class VenSiteResolver {

    private final OpenAdrStore store;

    VenSiteResolver(OpenAdrStore store) {
        this.store = store;
    }

    /** A lookup from VEN name to its sites, pre-fetched for every VEN_NAME value in {@code targets}. */
    Future<Function<String, List<GridTarget>>> resolve(JsonArray targets) {
        List<String> venNames = new ArrayList<>();
        if (targets != null) {
            for (int i = 0; i < targets.size(); i++) {
                JsonObject map = targets.getJsonObject(i);
                if ("VEN_NAME".equals(map.getString("type"))) {
                    map.getJsonArray("values").forEach(v -> venNames.add(String.valueOf(v)));
                }
            }
        }
        Map<String, List<GridTarget>> sites = new HashMap<>();
        List<Future<?>> lookups = new ArrayList<>();
        for (String venName : venNames) {
            lookups.add(store.findByName(ObjectType.VEN, null, venName)
                    .compose(ven -> ven.isEmpty() ? Future.succeededFuture(List.<StoredObject>of())
                            : store.list(ObjectType.RESOURCE, null, ven.get().id()))
                    .onSuccess(resources -> sites.put(venName, resources.stream()
                            .<GridTarget>map(r -> new GridTarget.Site(r.name())).toList())));
        }
        return Future.all(lookups).map(v -> name -> sites.getOrDefault(name, List.of()));
    }
}
