package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.store.StoredObject;

/** Programs: written by BL (scope write_programs); a VEN reads the programs addressed to it. */
final class ProgramKind implements ObjectKind {

    @Override
    public ObjectType type() {
        return ObjectType.PROGRAM;
    }

    @Override
    public String idParam() {
        return "programID";
    }

    @Override
    public Future<Prepared> prepare(Caller caller, String id, JsonObject body, StoredObject existing, String venId) {
        return Future.succeededFuture(Prepared.of(body.getString("programName"), null));
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
}
