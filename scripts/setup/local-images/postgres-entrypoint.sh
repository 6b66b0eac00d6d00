#!/bin/bash
# The part of the official postgres image's entrypoint Pier's compose file relies on: on an empty data
# directory, create the cluster with superuser $POSTGRES_USER / $POSTGRES_PASSWORD and the database
# $POSTGRES_DB, accept password logins from anywhere (the port is published on the host's loopback only),
# then run the server in the foreground.
set -euo pipefail
user="${POSTGRES_USER:-postgres}"
database="${POSTGRES_DB:-$user}"
if [ "${1:-postgres}" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  [ -n "${POSTGRES_PASSWORD:-}" ] || { echo "postgres: POSTGRES_PASSWORD is required" >&2; exit 1; }
  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    --auth-local=trust --auth-host=scram-sha-256 > /dev/null
  printf "listen_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
  printf 'host all all all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
  if [ "$database" != postgres ]; then
    # Single-user mode: no server (and no healthy pg_isready) until the database exists.
    printf 'CREATE DATABASE "%s";\n' "${database//\"/\"\"}" | postgres --single -D "$PGDATA" -j postgres > /dev/null
  fi
fi
exec "$@"
