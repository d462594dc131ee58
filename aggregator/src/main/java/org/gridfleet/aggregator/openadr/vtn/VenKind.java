package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.store.StoredObject;

/** VEN objects: BL manages all; a VEN client only the VEN named by its credentials. */
final class VenKind implements ObjectKind {

    @Override
    public ObjectType type() {
        return ObjectType.VEN;
    }

    @Override
    public String idParam() {
        return "venID";
    }

    @Override
    public Future<Prepared> prepare(Caller caller, String id, JsonObject body, StoredObject existing, String venId) {
        String venName = body.getString("venName");
        if (!caller.isBl() && !venName.equals(caller.principal().venName())) {
            return Future.failedFuture(OpenAdrException.forbidden("venName: this client speaks for VEN "
                    + caller.principal().venName() + ", not " + venName));
        }
        return Future.succeededFuture(Prepared.of(venName, null));
    }

    @Override
    public boolean readable(Caller caller, StoredObject object) {
        return caller.isBl() || object.name().equals(caller.principal().venName());
    }

    @Override
    public boolean writable(Caller caller, StoredObject object) {
        return readable(caller, object);
    }

    @Override
    public boolean matches(StoredObject object, MultiMap query) {
        String venName = query.get("venName");
        return (venName == null || venName.equals(object.name())) && ObjectKind.matchesTargets(object.body(), query);
    }
}
