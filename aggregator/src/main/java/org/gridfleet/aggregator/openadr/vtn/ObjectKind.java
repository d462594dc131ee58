package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.store.StoredObject;

/**
 * What differs between the six OpenADR object types: how a body is checked, who may read and write an
 * object, and how list query parameters filter. {@link ObjectEndpoints} runs the common CRUD flow.
 */
interface ObjectKind {

    ObjectType type();

    /** The path parameter naming one object, e.g. {@code programID}. */
    String idParam();

    /**
     * Checks a POST/PUT body (already valid against the contract) and derives the stored keys. Fails with a
     * 400/403 problem and must not write anything.
     *
     * @param id       the id the object will have (new on create, the existing one on update)
     * @param existing the object being replaced, or null on create
     * @param venId    the {@code venID} path parameter for resources, else null
     */
    Future<Prepared> prepare(Caller caller, String id, JsonObject body, StoredObject existing, String venId);

    boolean readable(Caller caller, StoredObject object);

    /** May the caller replace or delete this object (beyond holding the write scope)? */
    boolean writable(Caller caller, StoredObject object);

    /** Does the object pass the list query's filters (additive, as the spec says)? */
    boolean matches(StoredObject object, MultiMap query);

    /** The program a list may be narrowed to in the store, if the query names one. */
    default String programFilter(MultiMap query) {
        return null;
    }

    /** Called once an object of this kind has been deleted. */
    default void deleted(StoredObject object) {
    }

    /**
     * Keys derived from a checked body and what to do once the write is committed.
     *
     * @param venId       the VEN a resource belongs to, else null
     * @param onCommitted runs with the stored object after a successful insert/update
     */
    record Prepared(String name, String programId, String venId, Consumer<StoredObject> onCommitted) {
        static Prepared of(String name, String programId) {
            return new Prepared(name, programId, null, o -> { });
        }
    }

    /** Programs and events: BL reads all, a VEN what is addressed to it ({@link Targets#addressedTo}). */
    static boolean readableIfAddressed(Caller caller, StoredObject object) {
        return caller.isBl() || Targets.addressedTo(object.body().getJsonArray("targets"), caller);
    }

    /** Reports and subscriptions belong to the client that created them. */
    static boolean ownedBy(Caller caller, StoredObject object) {
        return caller.principal().clientId().equals(object.ownerClient());
    }

    /** Shared filter: {@code targetType} + {@code targetValues} against the object's targets. */
    static boolean matchesTargets(JsonObject body, MultiMap query) {
        String targetType = query.get("targetType");
        if (targetType == null) {
            return true;
        }
        return Targets.matches(body.getJsonArray("targets"), targetType, query.getAll("targetValues"));
    }
}
