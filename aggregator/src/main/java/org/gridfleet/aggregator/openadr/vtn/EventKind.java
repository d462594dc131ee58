package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.grid.EventInterpreter;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;
import org.gridfleet.aggregator.openadr.store.StoredObject;

/**
 * Events: written by BL; a VEN reads the events addressed to it. Every event is interpreted into grid
 * obligations before it is stored, so one Gridfleet cannot honour is refused and nothing changes; the
 * listener hears the obligations once the write is committed, and an empty list on delete.
 */
final class EventKind implements ObjectKind {

    private final OpenAdrStore store;
    private final EventInterpreter interpreter;
    private final GridObligationListener listener;

    EventKind(OpenAdrStore store, EventInterpreter interpreter, GridObligationListener listener) {
        this.store = store;
        this.interpreter = interpreter;
        this.listener = listener;
    }

    @Override
    public ObjectType type() {
        return ObjectType.EVENT;
    }

    @Override
    public String idParam() {
        return "eventID";
    }

    @Override
    public Future<Prepared> prepare(Caller caller, String id, JsonObject body, StoredObject existing, String venId) {
        String programId = body.getString("programID");
        return store.find(ObjectType.PROGRAM, programId).compose(program -> {
            if (program.isEmpty()) {
                return Future.failedFuture(OpenAdrException.badRequest("programID: program " + programId + " does not exist"));
            }
            return venSites(body.getJsonArray("targets"));
        }).map(sites -> {
            List<GridObligation> obligations = interpreter.interpret(id, body, name -> sites.getOrDefault(name, List.of()));
            return new Prepared(body.getString("eventName"), programId, null,
                    stored -> listener.obligationsChanged(stored.id(), obligations));
        });
    }

    /** Resolves every VEN_NAME target to the sites (resource names) of that VEN. */
    private Future<Map<String, List<GridTarget>>> venSites(JsonArray targets) {
        List<String> venNames = new ArrayList<>();
        if (targets != null) {
            for (int i = 0; i < targets.size(); i++) {
                JsonObject map = targets.getJsonObject(i);
                if ("VEN_NAME".equals(map.getString("type"))) {
                    map.getJsonArray("values").forEach(v -> venNames.add(String.valueOf(v)));
                }
            }
        }
        Map<String, List<GridTarget>> out = new HashMap<>();
        List<Future<?>> lookups = new ArrayList<>();
        for (String venName : venNames) {
            lookups.add(store.findByName(ObjectType.VEN, null, venName)
                    .compose(ven -> ven.isEmpty() ? Future.succeededFuture(List.<StoredObject>of())
                            : store.list(ObjectType.RESOURCE, null, ven.get().id()))
                    .onSuccess(resources -> out.put(venName, resources.stream()
                            .<GridTarget>map(r -> new GridTarget.Site(r.name())).toList())));
        }
        return Future.all(lookups).map(v -> out);
    }

    @Override
    public boolean readable(Caller caller, StoredObject object) {
        return caller.isBl() || Targets.addressedTo(object.body().getJsonArray("targets"), caller);
    }

    @Override
    public boolean writable(Caller caller, StoredObject object) {
        return caller.isBl();
    }

    @Override
    public boolean matches(StoredObject object, MultiMap query) {
        return ObjectKind.matchesTargets(object.body(), query);
    }

    @Override
    public String programFilter(MultiMap query) {
        return query.get("programID");
    }

    @Override
    public void deleted(StoredObject object) {
        listener.obligationsChanged(object.id(), List.of());
    }
}
