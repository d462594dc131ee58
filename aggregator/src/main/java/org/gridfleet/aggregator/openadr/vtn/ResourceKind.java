package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.store.StoredObject;

/**
 * Resources of a VEN ({@code /vens/{venID}/resources}); for Gridfleet a resource is a site, named by its
 * site id. BL manages all; a VEN only its own. The owning VEN is checked by {@link ObjectEndpoints}.
 */
final class ResourceKind implements ObjectKind {

    @Override
    public ObjectType type() {
        return ObjectType.RESOURCE;
    }

    @Override
    public String idParam() {
        return "resourceID";
    }

    @Override
    public Future<Prepared> prepare(Caller caller, String id, JsonObject body, StoredObject existing, String venId) {
        return Future.succeededFuture(new Prepared(body.getString("resourceName"), null, venId, o -> { }));
    }

    @Override
    public boolean readable(Caller caller, StoredObject object) {
        return caller.isBl() || object.venId().equals(caller.venId());
    }

    @Override
    public boolean writable(Caller caller, StoredObject object) {
        return readable(caller, object);
    }

    @Override
    public boolean matches(StoredObject object, MultiMap query) {
        String resourceName = query.get("resourceName");
        return (resourceName == null || resourceName.equals(object.name()))
                && ObjectKind.matchesTargets(object.body(), query);
    }
}
