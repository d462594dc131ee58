package org.gridfleet.aggregator.fleet;

import io.vertx.core.json.JsonArray;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JDBC access to sites and their chargers, always within a {@link Scope}. Runs on the caller's connection. */
public final class SiteStore {

    private static final String SITE_COLS = "id, tenant_id, name, limit_kw, headroom_pct, nested_limits, created_at, updated_at";
    private static final String CHARGER_COLS = "id, site_id, tenant_id, max_power_kw, bidirectional, model, "
            + "discharge_capability, created_at, updated_at";

    public void insertSite(Connection c, Site s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sites (" + SITE_COLS
                + ") VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            ps.setObject(1, s.id());
            ps.setObject(2, s.tenantId());
            ps.setString(3, s.name());
            ps.setDouble(4, s.limitKw());
            ps.setDouble(5, s.headroomPct());
            ps.setString(6, FleetJson.nestedLimitsJson(s.nestedLimits()).encode());
            ps.setTimestamp(7, Timestamp.from(s.createdAt()));
            ps.setTimestamp(8, Timestamp.from(s.updatedAt()));
            ps.executeUpdate();
        }
    }

    public boolean updateSite(Connection c, Scope scope, Site s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sites SET name = ?, limit_kw = ?, headroom_pct = ?, "
                + "nested_limits = ?::jsonb, updated_at = ? WHERE id = ?" + Scope.CLAUSE)) {
            ps.setString(1, s.name());
            ps.setDouble(2, s.limitKw());
            ps.setDouble(3, s.headroomPct());
            ps.setString(4, FleetJson.nestedLimitsJson(s.nestedLimits()).encode());
            ps.setTimestamp(5, Timestamp.from(s.updatedAt()));
            ps.setObject(6, s.id());
            scope.bind(ps, 7);
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<Site> findSite(Connection c, Scope scope, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SITE_COLS + " FROM sites WHERE id = ?" + Scope.CLAUSE)) {
            ps.setObject(1, id);
            scope.bind(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(site(rs)) : Optional.empty();
            }
        }
    }

    public List<Site> listSites(Connection c, Scope scope, int limit, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SITE_COLS + " FROM sites WHERE true" + Scope.CLAUSE
                + " ORDER BY created_at, id LIMIT ? OFFSET ?")) {
            int i = scope.bind(ps, 1);
            ps.setInt(i, limit);
            ps.setInt(i + 1, offset);
            List<Site> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(site(rs));
                }
            }
            return out;
        }
    }

    public long countSites(Connection c, Scope scope) throws SQLException {
        return FleetStore.count(c, "SELECT count(*) FROM sites WHERE true" + Scope.CLAUSE, scope, null);
    }

    public boolean deleteSite(Connection c, Scope scope, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sites WHERE id = ?" + Scope.CLAUSE)) {
            ps.setObject(1, id);
            scope.bind(ps, 2);
            return ps.executeUpdate() == 1;
        }
    }

    public void insertCharger(Connection c, Charger ch, String passwordHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chargers (" + CHARGER_COLS
                + ", password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, ch.id());
            ps.setObject(2, ch.siteId());
            ps.setObject(3, ch.tenantId());
            ps.setDouble(4, ch.maxPowerKw());
            ps.setBoolean(5, ch.bidirectional());
            ps.setString(6, ch.model());
            ps.setString(7, ch.dischargeCapability().wireName());
            ps.setTimestamp(8, Timestamp.from(ch.createdAt()));
            ps.setTimestamp(9, Timestamp.from(ch.updatedAt()));
            ps.setString(10, passwordHash);
            ps.executeUpdate();
        }
    }

    /** Replaces a charger's settings; a null {@code passwordHash} keeps the stored one. */
    public boolean updateCharger(Connection c, Scope scope, Charger ch, String passwordHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE chargers SET max_power_kw = ?, bidirectional = ?, "
                + "model = ?, discharge_capability = ?, updated_at = ?, password_hash = coalesce(?, password_hash) "
                + "WHERE id = ? AND site_id = ?" + Scope.CLAUSE)) {
            ps.setDouble(1, ch.maxPowerKw());
            ps.setBoolean(2, ch.bidirectional());
            ps.setString(3, ch.model());
            ps.setString(4, ch.dischargeCapability().wireName());
            ps.setTimestamp(5, Timestamp.from(ch.updatedAt()));
            ps.setString(6, passwordHash);
            ps.setString(7, ch.id());
            ps.setObject(8, ch.siteId());
            scope.bind(ps, 9);
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<Charger> findCharger(Connection c, Scope scope, UUID siteId, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHARGER_COLS
                + " FROM chargers WHERE id = ? AND site_id = ?" + Scope.CLAUSE)) {
            ps.setString(1, id);
            ps.setObject(2, siteId);
            scope.bind(ps, 3);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(charger(rs)) : Optional.empty();
            }
        }
    }

    /** A charger by its OCPP identity, with its stored password hash; all tenants. */
    public Optional<StoredCharger> findChargerByIdentity(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHARGER_COLS + ", password_hash FROM chargers WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredCharger(charger(rs), rs.getString(10))) : Optional.empty();
            }
        }
    }

    /** A charger row with its password hash; never leaves the storage/credentials layer. */
    public record StoredCharger(Charger charger, String passwordHash) { }

    /** Chargers of one site, or of every site in scope when {@code siteId} is null. */
    public List<Charger> listChargers(Connection c, Scope scope, UUID siteId, int limit, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHARGER_COLS + " FROM chargers WHERE "
                + "(?::uuid IS NULL OR site_id = ?::uuid)" + Scope.CLAUSE + " ORDER BY created_at, id LIMIT ? OFFSET ?")) {
            ps.setObject(1, siteId);
            ps.setObject(2, siteId);
            int i = scope.bind(ps, 3);
            ps.setInt(i, limit);
            ps.setInt(i + 1, offset);
            List<Charger> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(charger(rs));
                }
            }
            return out;
        }
    }

    public long countChargers(Connection c, Scope scope, UUID siteId) throws SQLException {
        return FleetStore.count(c, "SELECT count(*) FROM chargers WHERE site_id = ?" + Scope.CLAUSE, scope, siteId);
    }

    public boolean deleteCharger(Connection c, Scope scope, UUID siteId, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM chargers WHERE id = ? AND site_id = ?" + Scope.CLAUSE)) {
            ps.setString(1, id);
            ps.setObject(2, siteId);
            scope.bind(ps, 3);
            return ps.executeUpdate() == 1;
        }
    }

    private static Site site(ResultSet rs) throws SQLException {
        double limit = rs.getDouble(4);
        return new Site(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), limit,
                rs.getDouble(5), FleetJson.nestedLimits(new JsonArray(rs.getString(6)), limit),
                rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
    }

    private static Charger charger(ResultSet rs) throws SQLException {
        return new Charger(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getDouble(4),
                rs.getBoolean(5), rs.getString(6), DischargeCapability.fromWire(rs.getString(7)).orElseThrow(),
                rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
    }
}
