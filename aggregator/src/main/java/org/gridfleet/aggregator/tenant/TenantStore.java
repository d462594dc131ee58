package org.gridfleet.aggregator.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JDBC access to tenants and their token hashes. Every method runs on the caller's connection. */
public final class TenantStore {

    public static final String ADMIN_TENANT_NAME = "admin";
    private final Clock clock;

    public TenantStore(Clock clock) {
        this.clock = clock;
    }

    public Tenant create(Connection c, String name, Role role) throws SQLException {
        Tenant t = new Tenant(UUID.randomUUID(), name, role, clock.instant());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tenants (id, name, role, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setObject(1, t.id());
            ps.setString(2, name);
            ps.setString(3, role.wireName());
            ps.setTimestamp(4, Timestamp.from(t.createdAt()));
            ps.executeUpdate();
        }
        return t;
    }

    public Optional<Tenant> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role, created_at FROM tenants WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public List<Tenant> list(Connection c, int limit, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, role, created_at FROM tenants ORDER BY created_at, id LIMIT ? OFFSET ?")) {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<Tenant> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    public long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tenants");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Stores the hash of {@code token} for {@code tenantId}; returns the token's id. */
    public UUID addToken(Connection c, UUID tenantId, String token) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_tokens (id, tenant_id, token_hash, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, tenantId);
            ps.setBytes(3, TokenHasher.hash(token));
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        }
        return id;
    }

    /** The caller holding {@code token}, if the token is known. */
    public Optional<Principal> authenticate(Connection c, String token) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT t.id, t.role, k.id FROM api_tokens k JOIN tenants t ON t.id = k.tenant_id WHERE k.token_hash = ?")) {
            ps.setBytes(1, TokenHasher.hash(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Principal(rs.getObject(1, UUID.class), role(rs.getString(2)),
                        rs.getObject(3, UUID.class)));
            }
        }
    }

    /** Makes sure the admin tenant exists and accepts {@code adminToken}; idempotent across restarts. */
    public void bootstrapAdmin(Connection c, String adminToken) throws SQLException {
        UUID adminId;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tenants WHERE name = ? AND role = 'admin'")) {
            ps.setString(1, ADMIN_TENANT_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                adminId = rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
        if (adminId == null) {
            adminId = create(c, ADMIN_TENANT_NAME, Role.ADMIN).id();
        }
        if (authenticate(c, adminToken).isEmpty()) {
            addToken(c, adminId, adminToken);
        }
    }

    private static Tenant read(ResultSet rs) throws SQLException {
        return new Tenant(rs.getObject(1, UUID.class), rs.getString(2), role(rs.getString(3)),
                rs.getTimestamp(4).toInstant());
    }

    private static Role role(String wire) {
        return Role.fromWire(wire).orElseThrow(() -> new IllegalStateException("unknown role in database: " + wire));
    }
}
