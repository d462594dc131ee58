package org.gridfleet.aggregator.tenant;

import java.util.Objects;
import java.util.UUID;

/**
 * The authenticated caller of one request.
 *
 * @param tokenId the API token it presented, so the audit log can tell a tenant's tokens apart
 */
public record Principal(UUID tenantId, Role role, UUID tokenId) {

    public Principal {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tokenId, "tokenId");
    }

    /** True if this caller sees every tenant's fleet resources (ops and admin). */
    public boolean seesAllTenants() {
        return role == Role.ADMIN || role == Role.OPS;
    }
}
