-- Tenants (fleet owners, utilities, ops teams, admins) and their hashed API tokens.
CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    role        text NOT NULL CHECK (role IN ('fleet-owner', 'utility', 'ops', 'admin')),
    created_at  timestamptz NOT NULL
);

CREATE TABLE api_tokens (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    token_hash  bytea NOT NULL UNIQUE,   -- SHA-256 of the random token; the token itself is never stored
    created_at  timestamptz NOT NULL
);
