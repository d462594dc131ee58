package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.grid.EventInterpreter;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;
import org.gridfleet.aggregator.openadr.store.StoredObject;

/**
 * Events: written by BL; a VEN reads the events addressed to it. Every event is interpreted into grid
 * obligations before it is stored, so one Gridfleet cannot honour is refused and nothing changes; the
 * listener hears the obligations once the write is committed, and an empty list on delete.
 */
final class EventKind implements ObjectKind {

    private final OpenAdrStore store;
    private final VenSiteResolver venSites;
    private final EventInterpreter interpreter;
    private final GridObligationListener listener;

    EventKind(OpenAdrStore store, VenSiteResolver venSites, EventInterpreter interpreter, GridObligationListener listener) {
        this.store = store;
        this.venSites = venSites;
        this.interpreter = interpreter;
        this.listener = listener;
    }

    /**
     * Hands the listener the obligations of every stored event again: after a restart it starts empty while the
     * utility's events still hold. Completes with the number of events announced.
     */
    Future<Integer> announceStored() {
        return store.list(ObjectType.EVENT, null, null).compose(events -> Future.all(events.stream()
                        .map(e -> venSites.resolve(e.body().getJsonArray("targets")).map(sites -> {
                            listener.obligationsChanged(e.id(), interpreter.interpret(e.id(), e.body(), sites));
                            return e;
                        })).toList())
                .map(all -> events.size()));
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
            return venSites.resolve(body.getJsonArray("targets"));
        }).map(sites -> {
            List<GridObligation> obligations = interpreter.interpret(id, body, sites);
            return new Prepared(body.getString("eventName"), programId, null,
                    stored -> listener.obligationsChanged(stored.id(), obligations));
        });
    }

    @Override
    public boolean readable(Caller caller, StoredObject object) {
        return ObjectKind.readableIfAddressed(caller, object);
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
