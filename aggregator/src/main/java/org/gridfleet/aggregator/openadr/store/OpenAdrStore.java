package org.gridfleet.aggregator.openadr.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.gridfleet.aggregator.openadr.ObjectType;

/**
 * Persistence of the OpenADR face. Every method completes off the event loop's back; failures are
 * {@link org.gridfleet.aggregator.openadr.OpenAdrException} (409 on a duplicate name, 404 on a missing
 * object) or an unexpected exception.
 */
public interface OpenAdrStore {

    /** Inserts a new object; fails with a 409 problem when its name is already taken in its scope. */
    Future<StoredObject> insert(StoredObject object);

    /** Replaces an existing object; fails with 404 when absent and 409 on a name clash. */
    Future<StoredObject> update(StoredObject object);

    Future<Optional<StoredObject>> find(ObjectType type, String id);

    /** Finds by programName / venName (venId null) or resourceName within a VEN. */
    Future<Optional<StoredObject>> findByName(ObjectType type, String venId, String name);

    /** All objects of a type in creation order (then id), optionally restricted to one program or VEN. */
    Future<List<StoredObject>> list(ObjectType type, String programId, String venId);

    /** Deletes and returns the object, or empty when it did not exist. */
    Future<Optional<StoredObject>> delete(ObjectType type, String id);

    Future<Void> insertClient(ClientRecord client);

    Future<Optional<ClientRecord>> findClient(String clientId);
}
