package org.gridfleet.aggregator.openadr.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import org.gridfleet.aggregator.openadr.ObjectType;

/**
 * One OpenADR object as stored: the wire JSON ({@code body}, including id, timestamps and objectType)
 * plus the keys that queries, uniqueness and privacy need.
 *
 * @param name        programName, venName or resourceName (null for other types)
 * @param programId   the program an event, report or subscription belongs to (else null)
 * @param venId       the VEN a resource belongs to (else null)
 * @param ownerClient the OAuth client id that created the object
 */
public record StoredObject(ObjectType type, String id, String name, String programId, String venId,
                           String ownerClient, Instant created, Instant modified, JsonObject body) {
    public StoredObject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerClient, "ownerClient");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(body, "body");
        if (modified.isBefore(created)) {
            throw new IllegalArgumentException("modified " + modified + " is before created " + created);
        }
    }
}
