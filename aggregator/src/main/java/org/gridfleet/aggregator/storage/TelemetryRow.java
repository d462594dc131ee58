package org.gridfleet.aggregator.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One time-series row for {@link TelemetryWriter}. Power in kW (positive = into the battery),
 * energy in kWh, SoC 0..1, times in UTC (stored to the microsecond). A row's identity is its table's
 * {@link Table#key()}: writing the same identity twice keeps the first, so replays are idempotent.
 */
public sealed interface TelemetryRow {

    /** Table the row belongs to; rows of one table are inserted together. */
    Table table();

    /** Appends this row's columns, in {@link Table#columns()} order, as one COPY text line (no newline). */
    void appendCopyText(StringBuilder out);

    /** A telemetry table, its columns in COPY order, and the columns that identify a row (a unique index). */
    enum Table {
        METER_VALUES("meter_values", List.of("time", "charger_id", "evse_id", "power_kw", "energy_kwh")),
        SOC_READINGS("soc_readings", List.of("time", "charger_id", "evse_id", "soc")),
        SETPOINTS("setpoints", List.of("time", "charger_id", "evse_id", "power_kw")),
        SETPOINT_ACKS("setpoint_acks", List.of("time", "charger_id", "evse_id", "accepted", "latency_ms")),
        MARKET_SIGNALS("market_signals", List.of("time", "source", "value"), List.of("source", "time"));

        private final String sqlName;
        private final List<String> columns;
        private final List<String> key;

        Table(String sqlName, List<String> columns) {
            this(sqlName, columns, List.of("charger_id", "time", "evse_id"));
        }

        Table(String sqlName, List<String> columns, List<String> key) {
            this.sqlName = sqlName;
            this.columns = columns;
            this.key = key;
        }

        public String sqlName() {
            return sqlName;
        }

        public List<String> columns() {
            return columns;
        }

        /** The columns of the row identity (the table's unique index, migration V5). */
        public List<String> key() {
            return key;
        }

        /** The table whose {@link #sqlName()} is {@code name}. */
        static Table bySqlName(String name) {
            for (Table t : values()) {
                if (t.sqlName.equals(name)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("no telemetry table " + name);
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
        public void appendCopyText(StringBuilder out) {
            evseColumns(out, time, chargerId, evseId);
            CopyText.number(out, powerKw);
            CopyText.tab(out);
            CopyText.number(out, energyKwh);
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
        public void appendCopyText(StringBuilder out) {
            evseColumns(out, time, chargerId, evseId);
            CopyText.number(out, soc);
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
        public void appendCopyText(StringBuilder out) {
            evseColumns(out, time, chargerId, evseId);
            CopyText.number(out, powerKw);
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
        public void appendCopyText(StringBuilder out) {
            evseColumns(out, time, chargerId, evseId);
            CopyText.bool(out, accepted);
            CopyText.tab(out);
            CopyText.number(out, latencyMs);
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
        public void appendCopyText(StringBuilder out) {
            CopyText.time(out, time);
            CopyText.tab(out);
            CopyText.text(out, source);
            CopyText.tab(out);
            CopyText.number(out, value);
        }
    }

    /** The leading time, charger and EVSE columns every charger table shares, and the tab after them. */
    private static void evseColumns(StringBuilder out, Instant time, String chargerId, int evseId) {
        CopyText.time(out, time);
        CopyText.tab(out);
        CopyText.text(out, chargerId);
        CopyText.tab(out);
        out.append(evseId);
        CopyText.tab(out);
    }
}
