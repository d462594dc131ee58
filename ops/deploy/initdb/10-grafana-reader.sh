#!/usr/bin/env bash
# Runs once, when the TimescaleDB volume is first initialised: creates Grafana's login role with no rights.
# Its read rights on the tables come from ../db/grafana-reader.sql once Gridfleet's migrations have run
# (service db-grants in compose.yaml).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     --set reader="$GRAFANA_DB_USER" --set password="$GRAFANA_DB_PASSWORD" <<'SQL'
CREATE ROLE :"reader" LOGIN PASSWORD :'password';
SQL
