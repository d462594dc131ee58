package org.gridfleet.aggregator.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One time-series row for {@link TelemetryWriter}. Power in kW (positive = into the battery),
 * energy in kWh, SoC 0..1, times in UTC.
 */
public sealed interface TelemetryRow {

    /** Table the row belongs to; rows of one table are inserted together. */
    Table table();

    /** Binds this row's values starting at parameter {@code index}. */
    void bind(PreparedStatement ps, int index) throws SQLException;

    /** A telemetry table and its columns in bind order. */
    enum Table {
        METER_VALUES("meter_values", List.of("time", "charger_id", "evse_id", "power_kw", "energy_kwh")),
        SOC_READINGS("soc_readings", List.of("time", "charger_id", "evse_id", "soc")),
        SETPOINTS("setpoints", List.of("time", "charger_id", "evse_id", "power_kw")),
        SETPOINT_ACKS("setpoint_acks", List.of("time", "charger_id", "evse_id", "accepted", "latency_ms")),
        MARKET_SIGNALS("market_signals", List.of("time", "source", "value"));

        private final String sqlName;
        private final List<String> columns;

        Table(String sqlName, List<String> columns) {
            this.sqlName = sqlName;
            this.columns = columns;
        }

        public String sqlName() {
            return sqlName;
        }

        public List<String> columns() {
            return columns;
        }
    }

    /** A meter reading; either value may be absent (null) when the charger did not report it. */
    record MeterValue(Instant time, String chargerId, int evseId, Double powerKw, Double energyKwh) implements TelemetryRow {
        public MeterValue {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(chargerId, "chargerId");
        }

        @Override
        public Table table() {
            return Table.METER_VALUES;
        }

        @Override
        public void bind(PreparedStatement ps, int i) throws SQLException {
            ps.setTimestamp(i, Timestamp.from(time));
            ps.setString(i + 1, chargerId);
            ps.setInt(i + 2, evseId);
            setNullableDouble(ps, i + 3, powerKw);
            setNullableDouble(ps, i + 4, energyKwh);
        }
    }

    /** A state-of-charge reading, {@code soc} in 0..1. */
    record SocReading(Instant time, String chargerId, int evseId, double soc) implements TelemetryRow {
        public SocReading {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(chargerId, "chargerId");
            if (!(soc >= 0 && soc <= 1)) {
                throw new IllegalArgumentException("soc must be in 0..1: " + soc);
            }
        }

        @Override
        public Table table() {
            return Table.SOC_READINGS;
        }

        @Override
        public void bind(PreparedStatement ps, int i) throws SQLException {
            ps.setTimestamp(i, Timestamp.from(time));
            ps.setString(i + 1, chargerId);
            ps.setInt(i + 2, evseId);
            ps.setDouble(i + 3, soc);
        }
    }

    /** A setpoint sent to a charger, {@code powerKw} positive = charge, negative = discharge. */
    record Setpoint(Instant time, String chargerId, int evseId, double powerKw) implements TelemetryRow {
        public Setpoint {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(chargerId, "chargerId");
        }

        @Override
        public Table table() {
            return Table.SETPOINTS;
        }

        @Override
        public void bind(PreparedStatement ps, int i) throws SQLException {
            ps.setTimestamp(i, Timestamp.from(time));
            ps.setString(i + 1, chargerId);
            ps.setInt(i + 2, evseId);
            ps.setDouble(i + 3, powerKw);
        }
    }

    /** A charger's answer to a setpoint; {@code latencyMs} null when unknown. */
    record SetpointAck(Instant time, String chargerId, int evseId, boolean accepted, Long latencyMs) implements TelemetryRow {
        public SetpointAck {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(chargerId, "chargerId");
        }

        @Override
        public Table table() {
            return Table.SETPOINT_ACKS;
        }

        @Override
        public void bind(PreparedStatement ps, int i) throws SQLException {
            ps.setTimestamp(i, Timestamp.from(time));
            ps.setString(i + 1, chargerId);
            ps.setInt(i + 2, evseId);
            ps.setBoolean(i + 3, accepted);
            if (latencyMs == null) {
                ps.setNull(i + 4, Types.BIGINT);
            } else {
                ps.setLong(i + 4, latencyMs);
            }
        }
    }

    /** A market or grid signal sample (regulation signal, frequency, price), unit set by the source. */
    record MarketSignal(Instant time, String source, double value) implements TelemetryRow {
        public MarketSignal {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public Table table() {
            return Table.MARKET_SIGNALS;
        }

        @Override
        public void bind(PreparedStatement ps, int i) throws SQLException {
            ps.setTimestamp(i, Timestamp.from(time));
            ps.setString(i + 1, source);
            ps.setDouble(i + 2, value);
        }
    }

    private static void setNullableDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
