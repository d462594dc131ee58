package org.gridfleet.aggregator.http;

import org.gridfleet.aggregator.fleet.Scope;
import org.gridfleet.aggregator.tenant.Principal;
import org.gridfleet.aggregator.tenant.Role;

/**
 * Who may touch fleet-owner resources: a fleet owner its own, ops reads all, admin reads and
 * writes all, a utility none. Another tenant's ids simply fall outside the scope, hence 404.
 */
public final class Access {

    private Access() {
    }

    public static Scope read(Principal p) {
        return switch (p.role()) {
            case FLEET_OWNER -> Scope.tenant(p.tenantId());
            case OPS, ADMIN -> Scope.ALL;
            case UTILITY -> throw GridfleetException.forbidden("role utility has no access to fleet resources");
        };
    }

    public static Scope write(Principal p) {
        return switch (p.role()) {
            case FLEET_OWNER -> Scope.tenant(p.tenantId());
            case ADMIN -> Scope.ALL;
            case OPS, UTILITY -> throw GridfleetException.forbidden("role " + p.role().wireName()
                    + " may not change fleet resources");
        };
    }

    public static void requireAdmin(Principal p) {
        if (p.role() != Role.ADMIN) {
            throw GridfleetException.forbidden("only role admin may manage tenants");
        }
    }
}
