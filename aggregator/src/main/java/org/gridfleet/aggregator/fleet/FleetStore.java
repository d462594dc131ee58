package org.gridfleet.aggregator.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JDBC access to fleets and vehicles, always within a {@link Scope}. Runs on the caller's connection. */
public final class FleetStore {

    private static final String FLEET_COLS = "id, tenant_id, name, created_at, updated_at";
    private static final String VEHICLE_COLS = "id, fleet_id, tenant_id, name, battery_capacity_kwh, chemistry, "
            + "max_charge_kw, max_discharge_kw, reserve_soc, charging_preference, departure_plan, trips, v2g, "
            + "charge_now_until, id_token, ev_id, created_at, updated_at";

    public void insertFleet(Connection c, Fleet f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fleets (" + FLEET_COLS + ") VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, f.id());
            ps.setObject(2, f.tenantId());
            ps.setString(3, f.name());
            ps.setTimestamp(4, Timestamp.from(f.createdAt()));
            ps.setTimestamp(5, Timestamp.from(f.updatedAt()));
            ps.executeUpdate();
        }
    }

    public Optional<Fleet> findFleet(Connection c, Scope scope, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FLEET_COLS + " FROM fleets WHERE id = ?" + Scope.CLAUSE)) {
            ps.setObject(1, id);
            scope.bind(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(fleet(rs)) : Optional.empty();
            }
        }
    }

    public List<Fleet> listFleets(Connection c, Scope scope, int limit, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FLEET_COLS + " FROM fleets WHERE true" + Scope.CLAUSE
                + " ORDER BY created_at, id LIMIT ? OFFSET ?")) {
            int i = scope.bind(ps, 1);
            ps.setInt(i, limit);
            ps.setInt(i + 1, offset);
            List<Fleet> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(fleet(rs));
                }
            }
            return out;
        }
    }

    public long countFleets(Connection c, Scope scope) throws SQLException {
        return count(c, "SELECT count(*) FROM fleets WHERE true" + Scope.CLAUSE, scope, null);
    }

    /** Renames a fleet; false if no such fleet is in scope. */
    public boolean updateFleet(Connection c, Scope scope, UUID id, String name, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE fleets SET name = ?, updated_at = ? WHERE id = ?" + Scope.CLAUSE)) {
            ps.setString(1, name);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setObject(3, id);
            scope.bind(ps, 4);
            return ps.executeUpdate() == 1;
        }
    }

    /** Deletes a fleet and its vehicles; false if no such fleet is in scope. */
    public boolean deleteFleet(Connection c, Scope scope, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM fleets WHERE id = ?" + Scope.CLAUSE)) {
            ps.setObject(1, id);
            scope.bind(ps, 2);
            return ps.executeUpdate() == 1;
        }
    }

    public void insertVehicle(Connection c, Vehicle v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vehicles (" + VEHICLE_COLS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, v.id());
            ps.setObject(2, v.fleetId());
            ps.setObject(3, v.tenantId());
            int i = bindVehicleValues(ps, 4, v);
            ps.setTimestamp(i, Timestamp.from(v.createdAt()));
            ps.setTimestamp(i + 1, Timestamp.from(v.updatedAt()));
            ps.executeUpdate();
        }
    }

    /** Replaces the owner-set fields of a vehicle; false if it is not in that fleet within scope. */
    public boolean updateVehicle(Connection c, Scope scope, Vehicle v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vehicles SET name = ?, battery_capacity_kwh = ?, "
                + "chemistry = ?, max_charge_kw = ?, max_discharge_kw = ?, reserve_soc = ?, charging_preference = ?, "
                + "departure_plan = ?::jsonb, trips = ?::jsonb, v2g = ?::jsonb, charge_now_until = ?, id_token = ?, "
                + "ev_id = ?, updated_at = ? WHERE id = ? AND fleet_id = ?" + Scope.CLAUSE)) {
            int i = bindVehicleValues(ps, 1, v);
            ps.setTimestamp(i, Timestamp.from(v.updatedAt()));
            ps.setObject(i + 1, v.id());
            ps.setObject(i + 2, v.fleetId());
            scope.bind(ps, i + 3);
            return ps.executeUpdate() == 1;
        }
    }

    private static int bindVehicleValues(PreparedStatement ps, int i, Vehicle v) throws SQLException {
        ps.setString(i, v.name());
        ps.setDouble(i + 1, v.batteryCapacityKwh());
        ps.setString(i + 2, v.chemistry().name());
        ps.setDouble(i + 3, v.maxChargeKw());
        ps.setDouble(i + 4, v.maxDischargeKw());
        ps.setDouble(i + 5, v.reserveSoc());
        ps.setString(i + 6, v.chargingPreference().wireName());
        ps.setString(i + 7, FleetJson.departurePlanJson(v.departurePlan()).encode());
        ps.setString(i + 8, FleetJson.tripsJson(v.trips()).encode());
        ps.setString(i + 9, FleetJson.v2gJson(v.v2g()).encode());
        ps.setTimestamp(i + 10, v.chargeNowUntil().map(Timestamp::from).orElse(null));
        ps.setString(i + 11, v.idToken().orElse(null));
        ps.setString(i + 12, v.evId().orElse(null));
        return i + 13;
    }

    public Optional<Vehicle> findVehicle(Connection c, Scope scope, UUID fleetId, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VEHICLE_COLS
                + " FROM vehicles WHERE id = ? AND fleet_id = ?" + Scope.CLAUSE)) {
            ps.setObject(1, id);
            ps.setObject(2, fleetId);
            scope.bind(ps, 3);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(vehicle(rs)) : Optional.empty();
            }
        }
    }

    /** Vehicles of one fleet, or of all fleets in scope when {@code fleetId} is null. */
    public List<Vehicle> listVehicles(Connection c, Scope scope, UUID fleetId, int limit, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VEHICLE_COLS + " FROM vehicles WHERE "
                + "(?::uuid IS NULL OR fleet_id = ?::uuid)" + Scope.CLAUSE + " ORDER BY created_at, id LIMIT ? OFFSET ?")) {
            ps.setObject(1, fleetId);
            ps.setObject(2, fleetId);
            int i = scope.bind(ps, 3);
            ps.setInt(i, limit);
            ps.setInt(i + 1, offset);
            List<Vehicle> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(vehicle(rs));
                }
            }
            return out;
        }
    }

    public long countVehicles(Connection c, Scope scope, UUID fleetId) throws SQLException {
        return count(c, "SELECT count(*) FROM vehicles WHERE fleet_id = ?" + Scope.CLAUSE, scope, fleetId);
    }

    public boolean deleteVehicle(Connection c, Scope scope, UUID fleetId, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM vehicles WHERE id = ? AND fleet_id = ?" + Scope.CLAUSE)) {
            ps.setObject(1, id);
            ps.setObject(2, fleetId);
            scope.bind(ps, 3);
            return ps.executeUpdate() == 1;
        }
    }

    /** The vehicle whose idToken or EV id equals {@code identifier}, across all tenants. */
    public Optional<Vehicle> findVehicleBySessionIdentifier(Connection c, String identifier) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VEHICLE_COLS
                + " FROM vehicles WHERE id_token = ? OR ev_id = ? ORDER BY created_at, id LIMIT 1")) {
            ps.setString(1, identifier);
            ps.setString(2, identifier);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(vehicle(rs)) : Optional.empty();
            }
        }
    }

    static long count(Connection c, String sql, Scope scope, Object firstParam) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (firstParam != null) {
                ps.setObject(i++, firstParam);
            }
            scope.bind(ps, i);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Fleet fleet(ResultSet rs) throws SQLException {
        return new Fleet(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
    }

    private static Vehicle vehicle(ResultSet rs) throws SQLException {
        double reserve = rs.getDouble(9);
        Timestamp chargeNow = rs.getTimestamp(14);
        return new Vehicle(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getDouble(5), Chemistry.valueOf(rs.getString(6)), rs.getDouble(7), rs.getDouble(8),
                reserve, FleetJson.departurePlan(new JsonArray(rs.getString(11)), reserve),
                FleetJson.trips(new JsonArray(rs.getString(12)), reserve),
                ChargingPreference.fromWire(rs.getString(10)).orElseThrow(),
                FleetJson.v2g(new JsonObject(rs.getString(13))),
                Optional.ofNullable(chargeNow).map(Timestamp::toInstant), Optional.ofNullable(rs.getString(15)),
                Optional.ofNullable(rs.getString(16)), rs.getTimestamp(17).toInstant(), rs.getTimestamp(18).toInstant());
    }
}
