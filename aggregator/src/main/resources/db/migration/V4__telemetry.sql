-- Time-series telemetry. Power in kW (positive = into the battery), energy in kWh, SoC 0..1.
-- No primary keys: hypertable unique indexes would have to include "time"; rows are append-only.
CREATE TABLE meter_values (
    time         timestamptz NOT NULL,
    charger_id   text NOT NULL,
    evse_id      integer NOT NULL,
    power_kw     double precision,
    energy_kwh   double precision
);
CREATE INDEX meter_values_charger_time ON meter_values (charger_id, time DESC);

CREATE TABLE soc_readings (
    time         timestamptz NOT NULL,
    charger_id   text NOT NULL,
    evse_id      integer NOT NULL,
    soc          double precision NOT NULL CHECK (soc BETWEEN 0 AND 1)
);
CREATE INDEX soc_readings_charger_time ON soc_readings (charger_id, time DESC);

CREATE TABLE setpoints (
    time         timestamptz NOT NULL,
    charger_id   text NOT NULL,
    evse_id      integer NOT NULL,
    power_kw     double precision NOT NULL
);
CREATE INDEX setpoints_charger_time ON setpoints (charger_id, time DESC);

CREATE TABLE setpoint_acks (
    time         timestamptz NOT NULL,
    charger_id   text NOT NULL,
    evse_id      integer NOT NULL,
    accepted     boolean NOT NULL,
    latency_ms   bigint
);
CREATE INDEX setpoint_acks_charger_time ON setpoint_acks (charger_id, time DESC);

CREATE TABLE market_signals (
    time         timestamptz NOT NULL,
    source       text NOT NULL,        -- e.g. 'pjm-regd', 'rte-frequency', 'openadr'
    value        double precision NOT NULL
);
CREATE INDEX market_signals_source_time ON market_signals (source, time DESC);

-- Hypertables where TimescaleDB is installable; plain tables otherwise (same SQL for reads and writes).
DO $$
DECLARE
    t text;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
        CREATE EXTENSION IF NOT EXISTS timescaledb SCHEMA public;
        FOREACH t IN ARRAY ARRAY['meter_values', 'soc_readings', 'setpoints', 'setpoint_acks', 'market_signals'] LOOP
            PERFORM public.create_hypertable(format('%I.%I', current_schema(), t)::regclass, 'time');
        END LOOP;
    END IF;
END
$$;
