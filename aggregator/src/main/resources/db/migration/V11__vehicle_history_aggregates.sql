-- What stays of a vehicle's history after its owner erased it: per source table, how many rows, the time
-- span and the sums of its energy (*_kwh) columns, with no vehicle id. The day, not the instant, of the
-- erasure, so the row cannot be matched to the vehicle's 'vehicle.delete' audit entry by time.
CREATE TABLE vehicle_history_aggregates (
    id            uuid PRIMARY KEY,             -- random, never the vehicle's id
    tenant_id     uuid NOT NULL,
    fleet_id      uuid NOT NULL,
    erased_on     date NOT NULL,
    source_table  text NOT NULL,
    row_count     bigint NOT NULL,
    first_time    timestamptz,
    last_time     timestamptz,
    energy_sums   jsonb NOT NULL                -- {"energy_kwh": 123.4}
);
CREATE INDEX vehicle_history_aggregates_tenant ON vehicle_history_aggregates (tenant_id, erased_on);
