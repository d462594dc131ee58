-- Least-privilege read access for Grafana's TimescaleDB datasource: the telemetry tables, site limits, and which
-- site a charger belongs to. No tenants, tokens, vehicles or charger passwords. Run after Gridfleet's migrations;
-- safe to run again. The role is named by psql variable "reader" (compose passes GRAFANA_DB_USER). Schema usage
-- needs no grant: PostgreSQL grants USAGE on schema public to every role.
-- DashboardQueriesIT runs every dashboard query as a role holding only these grants.
GRANT SELECT ON meter_values, soc_readings, setpoints, setpoint_acks, market_signals, sites TO :"reader";
GRANT SELECT (id, site_id) ON chargers TO :"reader";
