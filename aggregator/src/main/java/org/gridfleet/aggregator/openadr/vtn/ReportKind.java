package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;
import org.gridfleet.aggregator.openadr.store.StoredObject;

/**
 * Reports: a VEN writes its own (scope write_reports) about an event addressed to it; BL reads all, a VEN
 * only those it wrote.
 */
final class ReportKind implements ObjectKind {

    private final OpenAdrStore store;
    private final ObjectKind events;

    ReportKind(OpenAdrStore store, ObjectKind events) {
        this.store = store;
        this.events = events;
    }

    @Override
    public ObjectType type() {
        return ObjectType.REPORT;
    }

    @Override
    public String idParam() {
        return "reportID";
    }

    @Override
    public Future<Prepared> prepare(Caller caller, String id, JsonObject body, StoredObject existing, String venId) {
        String programId = body.getString("programID");
        String eventId = body.getString("eventID");
        return store.find(ObjectType.EVENT, eventId).compose(event -> {
            // An event the VEN may not see is reported as absent, so reports cannot probe for events.
            if (event.isEmpty() || !events.readable(caller, event.get())) {
                return Future.failedFuture(OpenAdrException.badRequest("eventID: event " + eventId + " does not exist"));
            }
            if (!programId.equals(event.get().programId())) {
                return Future.failedFuture(OpenAdrException.badRequest("programID: " + programId
                        + " is not the program of event " + eventId));
            }
            return Future.succeededFuture(Prepared.of(body.getString("reportName"), programId));
        });
    }

    @Override
    public boolean readable(Caller caller, StoredObject object) {
        return caller.isBl() || ObjectKind.ownedBy(caller, object);
    }

    @Override
    public boolean writable(Caller caller, StoredObject object) {
        return ObjectKind.ownedBy(caller, object);
    }

    @Override
    public boolean matches(StoredObject object, MultiMap query) {
        String eventId = query.get("eventID");
        String clientName = query.get("clientName");
        return (eventId == null || eventId.equals(object.body().getString("eventID")))
                && (clientName == null || clientName.equals(object.body().getString("clientName")));
    }

    @Override
    public String programFilter(MultiMap query) {
        return query.get("programID");
    }
}
