package org.gridfleet.aggregator.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A tenant: one fleet owner, utility, ops team or admin. */
public record Tenant(UUID id, String name, Role role, Instant createdAt) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
