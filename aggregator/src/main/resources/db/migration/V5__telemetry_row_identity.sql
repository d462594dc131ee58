-- Row identity for telemetry: the telemetry writer inserts with ON CONFLICT DO NOTHING, so a batch
-- written twice (a retry after a lost commit, a spill segment replayed after a crash) keeps each row once,
-- and a charger's duplicate meter values collapse. Each unique index includes "time" (a hypertable rule)
-- and leads with the charger (or source) so it also serves the per-charger time-range reads the
-- *_charger_time indexes served.
DELETE FROM meter_values a USING meter_values b
    WHERE a.ctid < b.ctid AND a.charger_id = b.charger_id AND a.evse_id = b.evse_id AND a.time = b.time;
DELETE FROM soc_readings a USING soc_readings b
    WHERE a.ctid < b.ctid AND a.charger_id = b.charger_id AND a.evse_id = b.evse_id AND a.time = b.time;
DELETE FROM setpoints a USING setpoints b
    WHERE a.ctid < b.ctid AND a.charger_id = b.charger_id AND a.evse_id = b.evse_id AND a.time = b.time;
DELETE FROM setpoint_acks a USING setpoint_acks b
    WHERE a.ctid < b.ctid AND a.charger_id = b.charger_id AND a.evse_id = b.evse_id AND a.time = b.time;
DELETE FROM market_signals a USING market_signals b
    WHERE a.ctid < b.ctid AND a.source = b.source AND a.time = b.time;

DROP INDEX meter_values_charger_time;
DROP INDEX soc_readings_charger_time;
DROP INDEX setpoints_charger_time;
DROP INDEX setpoint_acks_charger_time;
DROP INDEX market_signals_source_time;

CREATE UNIQUE INDEX meter_values_identity ON meter_values (charger_id, time DESC, evse_id);
CREATE UNIQUE INDEX soc_readings_identity ON soc_readings (charger_id, time DESC, evse_id);
CREATE UNIQUE INDEX setpoints_identity ON setpoints (charger_id, time DESC, evse_id);
CREATE UNIQUE INDEX setpoint_acks_identity ON setpoint_acks (charger_id, time DESC, evse_id);
CREATE UNIQUE INDEX market_signals_identity ON market_signals (source, time DESC);
