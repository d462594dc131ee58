package org.gridfleet.aggregator.fleet;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Which tenant's rows a query may touch: one tenant, or all (ops, admin, the control loop).
 * SQL using it carries {@link #CLAUSE} with two parameters bound by {@link #bind}.
 */
public record Scope(Optional<UUID> tenantId) {

    /** Appended to a WHERE clause; binds the tenant id twice. */
    public static final String CLAUSE = " AND (?::uuid IS NULL OR tenant_id = ?::uuid)";
    public static final Scope ALL = new Scope(Optional.empty());

    public static Scope tenant(UUID id) {
        return new Scope(Optional.of(id));
    }

    /** Binds the two parameters of {@link #CLAUSE} at {@code index} and {@code index + 1}; returns the next index. */
    public int bind(PreparedStatement ps, int index) throws SQLException {
        UUID t = tenantId.orElse(null);
        ps.setObject(index, t);
        ps.setObject(index + 1, t);
        return index + 2;
    }
}
