package org.gridfleet.aggregator.fleet;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A vehicle's history: the rows of every table in the schema with a {@code vehicle_id} column (telemetry
 * and session tables of any feature, found at run time, so a new one is covered without changes here).
 * Erasing deletes those rows and keeps, per table, an anonymous aggregate (row count, time span, sums of
 * the {@code *_kwh} columns) in {@code vehicle_history_aggregates}. Runs on the caller's connection.
 */
public final class VehicleHistory {

    /** Rows exported per table at most; the export says when a table held more. */
    public static final int EXPORT_ROWS_MAX = 200_000;

    private static final String OWN_TABLES = "'vehicles', 'audit_log', 'vehicle_history_aggregates'";

    private final Clock clock;

    public VehicleHistory(Clock clock) {
        this.clock = clock;
    }

    /** One vehicle-linked table: its name and whether it has a {@code time} column and which energy columns. */
    record Source(String table, boolean timed, List<String> energyColumns) {
    }

    /** The rows of one table for one vehicle, oldest first; {@code truncated} when there were more than {@link #EXPORT_ROWS_MAX}. */
    public record Rows(String table, List<JsonObject> rows, boolean truncated) {
    }

    List<Source> sources(Connection c) throws SQLException {
        Map<String, Source> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.table_name, "
                + "EXISTS (SELECT 1 FROM information_schema.columns t WHERE t.table_schema = v.table_schema "
                + "  AND t.table_name = v.table_name AND t.column_name = 'time'), "
                + "ARRAY(SELECT e.column_name::text FROM information_schema.columns e WHERE e.table_schema = v.table_schema "
                + "  AND e.table_name = v.table_name AND e.column_name LIKE '%\\_kwh' "
                + "  AND e.data_type IN ('double precision', 'real', 'numeric', 'integer', 'bigint') ORDER BY e.ordinal_position) "
                + "FROM information_schema.columns v JOIN information_schema.tables tb ON tb.table_schema = v.table_schema "
                + "  AND tb.table_name = v.table_name AND tb.table_type = 'BASE TABLE' "
                + "WHERE v.table_schema = current_schema() AND v.column_name = 'vehicle_id' "
                + "AND v.table_name NOT IN (" + OWN_TABLES + ") ORDER BY v.table_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String[] energy = (String[]) rs.getArray(3).getArray();
                out.put(rs.getString(1), new Source(rs.getString(1), rs.getBoolean(2), List.of(energy)));
            }
        }
        return List.copyOf(out.values());
    }

    /** Every vehicle-linked row of {@code vehicleId}, per table. */
    public List<Rows> export(Connection c, UUID vehicleId) throws SQLException {
        List<Rows> out = new ArrayList<>();
        for (Source s : sources(c)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT to_jsonb(t)::text FROM " + quoted(s.table())
                    + " t WHERE vehicle_id::text = ?" + (s.timed() ? " ORDER BY time" : "") + " LIMIT ?")) {
                ps.setString(1, vehicleId.toString());
                ps.setInt(2, EXPORT_ROWS_MAX + 1);
                List<JsonObject> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new JsonObject(rs.getString(1)));
                    }
                }
                boolean truncated = rows.size() > EXPORT_ROWS_MAX;
                out.add(new Rows(s.table(), truncated ? rows.subList(0, EXPORT_ROWS_MAX) : rows, truncated));
            }
        }
        return out;
    }

    /** Deletes every vehicle-linked row of {@code v}, keeping anonymous aggregates; returns rows erased per table. */
    public JsonObject erase(Connection c, Vehicle v) throws SQLException {
        JsonObject erased = new JsonObject();
        for (Source s : sources(c)) {
            long rows = aggregate(c, s, v);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + quoted(s.table()) + " WHERE vehicle_id::text = ?")) {
                ps.setString(1, v.id().toString());
                ps.executeUpdate();
            }
            erased.put(s.table(), rows);
        }
        return erased;
    }

    private long aggregate(Connection c, Source s, Vehicle v) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*), ")
                .append(s.timed() ? "min(time), max(time)" : "NULL::timestamptz, NULL::timestamptz");
        for (String col : s.energyColumns()) {
            sql.append(", sum(").append(quoted(col)).append(")::double precision");
        }
        sql.append(" FROM ").append(quoted(s.table())).append(" WHERE vehicle_id::text = ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, v.id().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                if (count == 0) {
                    return 0;
                }
                JsonObject sums = new JsonObject();
                for (int i = 0; i < s.energyColumns().size(); i++) {
                    sums.put(s.energyColumns().get(i), rs.getDouble(4 + i));
                }
                insertAggregate(c, v, s.table(), count, rs.getTimestamp(2), rs.getTimestamp(3), sums);
                return count;
            }
        }
    }

    private void insertAggregate(Connection c, Vehicle v, String table, long count, java.sql.Timestamp first,
                                 java.sql.Timestamp last, JsonObject sums) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vehicle_history_aggregates (id, tenant_id, fleet_id, "
                + "erased_on, source_table, row_count, first_time, last_time, energy_sums) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, v.tenantId());
            ps.setObject(3, v.fleetId());
            ps.setDate(4, Date.valueOf(clock.instant().atZone(ZoneOffset.UTC).toLocalDate()));
            ps.setString(5, table);
            ps.setLong(6, count);
            ps.setTimestamp(7, first);
            ps.setTimestamp(8, last);
            ps.setString(9, sums.encode());
            ps.executeUpdate();
        }
    }

    /** Table and column names come from information_schema, never from a request; quoting keeps odd names intact. */
    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
