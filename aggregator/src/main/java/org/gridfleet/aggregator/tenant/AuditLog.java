package org.gridfleet.aggregator.tenant;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gridfleet.aggregator.fleet.Scope;

/**
 * The append-only audit log (table {@code audit_log}; the database refuses updates and deletes).
 * Callers append on the connection of the change itself, so a change is never committed without its entry.
 */
public final class AuditLog {

    private static final String COLS = "seq, at, actor_tenant_id, actor_role, actor_token_id, tenant_id, action, "
            + "resource, before, after";

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Records that {@code actor} made {@code change} to a resource of {@code tenantId}. */
    public void append(Connection c, Principal actor, UUID tenantId, AuditEntry.Change change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, actor_tenant_id, actor_role, "
                + "actor_token_id, tenant_id, action, resource, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setObject(2, actor.tenantId());
            ps.setString(3, actor.role().wireName());
            ps.setObject(4, actor.tokenId());
            ps.setObject(5, tenantId);
            ps.setString(6, change.action());
            ps.setString(7, change.resource());
            ps.setString(8, change.before() == null ? null : change.before().encode());
            ps.setString(9, change.after() == null ? null : change.after().encode());
            ps.executeUpdate();
        }
    }

    /** Entries about resources in {@code scope}, newest first. */
    public List<AuditEntry> list(Connection c, Scope scope, int limit, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM audit_log WHERE true" + Scope.CLAUSE
                + " ORDER BY seq DESC LIMIT ? OFFSET ?")) {
            int i = scope.bind(ps, 1);
            ps.setInt(i, limit);
            ps.setInt(i + 1, offset);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    public long count(Connection c, Scope scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_log WHERE true" + Scope.CLAUSE)) {
            scope.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        Principal actor = new Principal(rs.getObject(3, UUID.class),
                Role.fromWire(rs.getString(4)).orElseThrow(() -> new IllegalStateException("unknown role in audit_log")),
                rs.getObject(5, UUID.class));
        return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), actor, rs.getObject(6, UUID.class),
                new AuditEntry.Change(rs.getString(7), rs.getString(8), json(rs.getString(9)), json(rs.getString(10))));
    }

    private static JsonObject json(String s) {
        return s == null ? null : new JsonObject(s);
    }
}
