package org.gridfleet.aggregator.tenant;

import java.util.Objects;
import java.util.UUID;

/** The authenticated caller of one request. */
public record Principal(UUID tenantId, Role role) {

    public Principal {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
    }

    /** True if this caller sees every tenant's fleet resources (ops and admin). */
    public boolean seesAllTenants() {
        return role == Role.ADMIN || role == Role.OPS;
    }
}
