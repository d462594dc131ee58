-- Append-only record of every change made through the API: who (the caller's tenant, role and token),
-- whose resource (tenant_id), what (action, resource path), when, and the resource before and after.
-- No foreign keys: entries outlive the tenants, tokens and resources they mention.
CREATE TABLE audit_log (
    seq              bigserial PRIMARY KEY,          -- total order; pages are stable
    at               timestamptz NOT NULL,
    actor_tenant_id  uuid NOT NULL,
    actor_role       text NOT NULL,
    actor_token_id   uuid,
    tenant_id        uuid NOT NULL,
    action           text NOT NULL,                  -- e.g. 'site.update', 'token.issue'
    resource         text NOT NULL,                  -- API path of the resource
    before           jsonb,                          -- null on create
    after            jsonb                           -- null on delete
);
CREATE INDEX audit_log_tenant ON audit_log (tenant_id, seq);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
