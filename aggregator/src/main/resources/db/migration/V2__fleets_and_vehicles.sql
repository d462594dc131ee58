CREATE TABLE fleets (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX fleets_tenant ON fleets (tenant_id, created_at, id);

-- Powers in kW (positive magnitudes), energy in kWh, SoC as a fraction 0..1.
CREATE TABLE vehicles (
    id                      uuid PRIMARY KEY,
    fleet_id                uuid NOT NULL REFERENCES fleets (id) ON DELETE CASCADE,
    tenant_id               uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name                    text NOT NULL,
    battery_capacity_kwh    double precision NOT NULL CHECK (battery_capacity_kwh > 0),
    chemistry               text NOT NULL CHECK (chemistry IN ('NMC', 'LFP', 'NCA')),
    max_charge_kw           double precision NOT NULL CHECK (max_charge_kw > 0),
    max_discharge_kw        double precision NOT NULL CHECK (max_discharge_kw >= 0),
    reserve_soc             double precision NOT NULL CHECK (reserve_soc BETWEEN 0 AND 1),
    charging_preference     text NOT NULL CHECK (charging_preference IN ('guaranteed', 'lowest-cost', 'greenest')),
    departure_plan          jsonb NOT NULL,
    trips                   jsonb NOT NULL,
    v2g                     jsonb NOT NULL,
    charge_now_until        timestamptz,
    id_token                text,
    ev_id                   text,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL
);
CREATE INDEX vehicles_fleet ON vehicles (fleet_id, created_at, id);
CREATE INDEX vehicles_id_token ON vehicles (id_token) WHERE id_token IS NOT NULL;
CREATE INDEX vehicles_ev_id ON vehicles (ev_id) WHERE ev_id IS NOT NULL;
