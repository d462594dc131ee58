package org.gridfleet.aggregator.fleet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A fleet: a tenant's named group of vehicles. */
public record Fleet(UUID id, UUID tenantId, String name, Instant createdAt, Instant updatedAt) {
    public Fleet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
