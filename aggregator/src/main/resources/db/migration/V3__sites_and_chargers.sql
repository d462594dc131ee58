CREATE TABLE sites (
    id            uuid PRIMARY KEY,
    tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name          text NOT NULL,
    limit_kw      double precision NOT NULL CHECK (limit_kw > 0),
    headroom_pct  double precision NOT NULL CHECK (headroom_pct >= 0 AND headroom_pct < 100),
    nested_limits jsonb NOT NULL,       -- [{"name":"feeder-a","kind":"feeder","limitKw":150,"chargerIds":[...]}]
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX sites_tenant ON sites (tenant_id, created_at, id);

-- A charger's id is its OCPP identity (the last path segment of its WebSocket URL), unique system-wide.
CREATE TABLE chargers (
    id                  text PRIMARY KEY,
    site_id             uuid NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    tenant_id           uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    password_hash       text NOT NULL,  -- PBKDF2WithHmacSHA256 iterations:salt:hash, Base64
    max_power_kw        double precision NOT NULL CHECK (max_power_kw > 0),
    bidirectional       boolean NOT NULL,
    model               text NOT NULL,
    discharge_capability text NOT NULL CHECK (discharge_capability IN ('none', 'ocpp21', 'ocpp201-vendor', 'ocpp16-vendor')),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX chargers_site ON chargers (site_id, created_at, id);
