package org.gridfleet.aggregator.health;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.gridfleet.degradation.AgingState;
import org.gridfleet.degradation.Chemistry;
import org.gridfleet.degradation.budget.DegradationBudget;

/** JDBC for battery health: health rows, owner budgets, session links and the metered SoC of a vehicle. */
final class HealthStore {

    private static final String SAMPLES = "SELECT r.time, r.soc, s.charger_id || '/' || s.evse_id || '/' || s.transaction_id "
            + "FROM soc_readings r JOIN vehicle_charging_sessions s ON r.charger_id = s.charger_id AND r.evse_id = s.evse_id "
            + "AND r.time >= s.started_at AND (s.ended_at IS NULL OR r.time <= s.ended_at) WHERE s.vehicle_id = ? ";

    Optional<HealthRecord> find(Connection c, UUID vehicleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT origin, model, model_state, relative_capacity, "
                + "relative_resistance, equivalent_full_cycles, days, remaining_life_years, wear_year_start, "
                + "wear_cost_year, wear_capacity_year, wear_day, wear_cycles_day, wear_through, discharged_kwh "
                + "FROM vehicle_battery_health WHERE vehicle_id = ?")) {
            ps.setObject(1, vehicleId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Double[] states = (Double[]) rs.getArray(3).getArray();
                double[] s = new double[states.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = states[i];
                }
                double resistance = rs.getDouble(5);
                AgingState state = new AgingState(s, rs.getDouble(4), rs.wasNull() ? Double.NaN : resistance,
                        rs.getDouble(6), rs.getDouble(7));
                double life = rs.getDouble(8);
                OptionalDouble remaining = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(life);
                WearLedger ledger = new WearLedger(rs.getDate(9).toLocalDate(), rs.getDouble(10), rs.getDouble(11),
                        rs.getDate(12).toLocalDate(), rs.getDouble(13));
                return Optional.of(new HealthRecord(vehicleId, rs.getTimestamp(1).toInstant(),
                        Chemistry.fromId(rs.getString(2)), state, remaining, ledger, rs.getTimestamp(14).toInstant(),
                        rs.getDouble(15)));
            }
        }
    }

    void save(Connection c, HealthRecord r, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vehicle_battery_health (vehicle_id, origin, as_of, "
                + "model, model_state, relative_capacity, relative_resistance, equivalent_full_cycles, days, "
                + "remaining_life_years, wear_year_start, wear_cost_year, wear_capacity_year, wear_day, wear_cycles_day, "
                + "wear_through, discharged_kwh, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (vehicle_id) DO UPDATE SET origin = EXCLUDED.origin, as_of = EXCLUDED.as_of, "
                + "model = EXCLUDED.model, model_state = EXCLUDED.model_state, relative_capacity = EXCLUDED.relative_capacity, "
                + "relative_resistance = EXCLUDED.relative_resistance, equivalent_full_cycles = EXCLUDED.equivalent_full_cycles, "
                + "days = EXCLUDED.days, remaining_life_years = EXCLUDED.remaining_life_years, "
                + "wear_year_start = EXCLUDED.wear_year_start, wear_cost_year = EXCLUDED.wear_cost_year, "
                + "wear_capacity_year = EXCLUDED.wear_capacity_year, wear_day = EXCLUDED.wear_day, "
                + "wear_cycles_day = EXCLUDED.wear_cycles_day, wear_through = EXCLUDED.wear_through, "
                + "discharged_kwh = EXCLUDED.discharged_kwh, updated_at = EXCLUDED.updated_at")) {
            AgingState s = r.state();
            Double[] states = new Double[s.stateCount()];
            for (int i = 0; i < states.length; i++) {
                states[i] = s.state(i);
            }
            Array array = c.createArrayOf("float8", states);
            ps.setObject(1, r.vehicleId());
            ps.setTimestamp(2, Timestamp.from(r.origin()));
            ps.setTimestamp(3, Timestamp.from(r.asOf()));
            ps.setString(4, r.model().id());
            ps.setArray(5, array);
            ps.setDouble(6, s.relativeCapacity());
            if (Double.isNaN(s.relativeResistance())) {
                ps.setNull(7, Types.DOUBLE);
            } else {
                ps.setDouble(7, s.relativeResistance());
            }
            ps.setDouble(8, s.equivalentFullCycles());
            ps.setDouble(9, s.days());
            if (r.remainingLifeYears().isPresent()) {
                ps.setDouble(10, r.remainingLifeYears().getAsDouble());
            } else {
                ps.setNull(10, Types.DOUBLE);
            }
            WearLedger w = r.ledger();
            ps.setDate(11, Date.valueOf(w.yearStart()));
            ps.setDouble(12, w.costYear());
            ps.setDouble(13, w.capacityYear());
            ps.setDate(14, Date.valueOf(w.day()));
            ps.setDouble(15, w.cyclesDay());
            ps.setTimestamp(16, Timestamp.from(r.wearThrough()));
            ps.setDouble(17, r.dischargedKwh());
            ps.setTimestamp(18, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** Owner-set budgets of every vehicle that has one. */
    Map<UUID, DegradationBudget> ownerBudgets(Connection c) throws SQLException {
        Map<UUID, DegradationBudget> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, degradation_budget_kind, degradation_budget_limit "
                + "FROM vehicles WHERE degradation_budget_kind IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getObject(1, UUID.class), OwnerBudget.of(rs.getString(2), rs.getDouble(3)));
            }
        }
        return out;
    }

    Optional<DegradationBudget> ownerBudget(Connection c, UUID vehicleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT degradation_budget_kind, degradation_budget_limit "
                + "FROM vehicles WHERE id = ? AND degradation_budget_kind IS NOT NULL")) {
            ps.setObject(1, vehicleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(OwnerBudget.of(rs.getString(1), rs.getDouble(2))) : Optional.empty();
            }
        }
    }

    void setOwnerBudget(Connection c, UUID vehicleId, DegradationBudget budget, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vehicles SET degradation_budget_kind = ?, "
                + "degradation_budget_limit = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, OwnerBudget.kind(budget));
            ps.setDouble(2, budget.limit());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setObject(4, vehicleId);
            ps.executeUpdate();
        }
    }

    /** The vehicle's samples after {@code after}, led by its last sample at or before it (if any). */
    List<MeteredSoc.Sample> samplesFrom(Connection c, UUID vehicleId, Instant after) throws SQLException {
        List<MeteredSoc.Sample> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SAMPLES + "AND r.time <= ? ORDER BY r.time DESC LIMIT 1")) {
            ps.setObject(1, vehicleId);
            ps.setTimestamp(2, Timestamp.from(after));
            read(ps, out);
        }
        try (PreparedStatement ps = c.prepareStatement(SAMPLES + "AND r.time > ? ORDER BY r.time")) {
            ps.setObject(1, vehicleId);
            ps.setTimestamp(2, Timestamp.from(after));
            read(ps, out);
        }
        return out;
    }

    /** All of the vehicle's samples, oldest first. */
    List<MeteredSoc.Sample> allSamples(Connection c, UUID vehicleId) throws SQLException {
        List<MeteredSoc.Sample> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SAMPLES + "ORDER BY r.time")) {
            ps.setObject(1, vehicleId);
            read(ps, out);
        }
        return out;
    }

    private static void read(PreparedStatement ps, List<MeteredSoc.Sample> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new MeteredSoc.Sample(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getString(3)));
            }
        }
    }

    /** A session of a registered vehicle started (ignored when the vehicle id is not a registered vehicle). */
    void sessionStarted(Connection c, UUID vehicleId, String chargerId, int evseId, String transactionId, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vehicle_charging_sessions (vehicle_id, charger_id, evse_id, "
                + "transaction_id, started_at) SELECT id, ?, ?, ?, ? FROM vehicles WHERE id = ? "
                + "ON CONFLICT (charger_id, evse_id, transaction_id) DO NOTHING")) {
            ps.setString(1, chargerId);
            ps.setInt(2, evseId);
            ps.setString(3, transactionId);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setObject(5, vehicleId);
            ps.executeUpdate();
        }
    }

    void sessionEnded(Connection c, String chargerId, int evseId, String transactionId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vehicle_charging_sessions SET ended_at = ? WHERE charger_id = ? "
                + "AND evse_id = ? AND transaction_id = ? AND ended_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, chargerId);
            ps.setInt(3, evseId);
            ps.setString(4, transactionId);
            ps.executeUpdate();
        }
    }
}
