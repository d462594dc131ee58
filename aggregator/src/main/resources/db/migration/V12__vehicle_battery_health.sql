-- Battery health per vehicle (issue 5). SoC 0..1, energy in kWh, q = capacity relative to new.

-- Which vehicle was plugged in where and when: links the per-EVSE soc_readings to a vehicle.
-- Written from the OCPP gateway's session events; ended_at is null while the session runs.
CREATE TABLE vehicle_charging_sessions (
    vehicle_id      uuid NOT NULL REFERENCES vehicles (id) ON DELETE CASCADE,
    charger_id      text NOT NULL,
    evse_id         integer NOT NULL,
    transaction_id  text NOT NULL,
    started_at      timestamptz NOT NULL,
    ended_at        timestamptz,
    PRIMARY KEY (charger_id, evse_id, transaction_id)
);
CREATE INDEX vehicle_charging_sessions_vehicle ON vehicle_charging_sessions (vehicle_id, started_at);

-- The aging state reached by stepping the vehicle's degradation model along its metered SoC history,
-- whole days counted from origin (the first sample); as_of = origin + days. The wear charged to the
-- owner's budget is kept in every budget unit, so a budget of any kind can be checked against it.
CREATE TABLE vehicle_battery_health (
    vehicle_id              uuid PRIMARY KEY REFERENCES vehicles (id) ON DELETE CASCADE,
    origin                  timestamptz NOT NULL,
    as_of                   timestamptz NOT NULL,
    model                   text NOT NULL,              -- degradation-model chemistry id, e.g. nmc111-kokam
    model_state             double precision[] NOT NULL, -- the model's internal loss states
    relative_capacity       double precision NOT NULL CHECK (relative_capacity > 0 AND relative_capacity <= 1.1),
    relative_resistance     double precision,           -- null when the model has none
    equivalent_full_cycles  double precision NOT NULL CHECK (equivalent_full_cycles >= 0),
    days                    double precision NOT NULL CHECK (days >= 0),
    remaining_life_years    double precision,           -- null: end of life not within the horizon
    wear_year_start         date NOT NULL,
    wear_cost_year          double precision NOT NULL CHECK (wear_cost_year >= 0),
    wear_capacity_year      double precision NOT NULL CHECK (wear_capacity_year >= 0),
    wear_day                date NOT NULL,
    wear_cycles_day         double precision NOT NULL CHECK (wear_cycles_day >= 0),
    wear_through            timestamptz NOT NULL,       -- discharges metered up to here are charged
    discharged_kwh          double precision NOT NULL CHECK (discharged_kwh >= 0),
    updated_at              timestamptz NOT NULL
);

-- The owner's degradation budget; null kind = the bound of the vehicle's V2G consent applies.
ALTER TABLE vehicles ADD COLUMN degradation_budget_kind text
    CHECK (degradation_budget_kind IN ('yearly-cost', 'yearly-capacity', 'daily-extra-cycles'));
ALTER TABLE vehicles ADD COLUMN degradation_budget_limit double precision
    CHECK (degradation_budget_limit >= 0);
ALTER TABLE vehicles ADD CONSTRAINT vehicles_degradation_budget_both
    CHECK ((degradation_budget_kind IS NULL) = (degradation_budget_limit IS NULL));
