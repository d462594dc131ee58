package org.gridfleet.aggregator.tenant;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the append-only audit log.
 *
 * @param seq      position in the log (increasing)
 * @param actor    who made the change
 * @param tenantId whose resource changed
 * @param change   what changed
 */
public record AuditEntry(long seq, Instant at, Principal actor, UUID tenantId, Change change) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(change, "change");
    }

    /**
     * What a control action did to one resource.
     *
     * @param action   {@code <resource kind>.<verb>}, e.g. {@code site.update}
     * @param resource the API path of the resource
     * @param before   the resource before (null on create), never holding secrets
     * @param after    the resource after (null on delete), never holding secrets
     */
    public record Change(String action, String resource, JsonObject before, JsonObject after) {
        public Change {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
        }
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject().put("seq", seq).put("at", at.toString())
                .put("actor", new JsonObject().put("tenantId", actor.tenantId().toString())
                        .put("role", actor.role().wireName()).put("tokenId", actor.tokenId().toString()))
                .put("tenantId", tenantId.toString()).put("action", change.action()).put("resource", change.resource());
        if (change.before() != null) {
            o.put("before", change.before());
        }
        if (change.after() != null) {
            o.put("after", change.after());
        }
        return o;
    }
}
