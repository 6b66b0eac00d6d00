#!/usr/bin/env bash
# Makes sure PostgreSQL, Redis and a Docker engine are installed and running on this machine, for
# `npm start` and `npm test`. On Debian/Ubuntu it installs what is missing with apt. Services are only
# managed here when DATABASE_URL / REDIS_URL point at this machine (or are unset). Idempotent and
# quick when everything is already up.
set -euo pipefail

say() { echo "services: $*" >&2; }
is_local_url() { [ -z "$1" ] || [[ "$1" =~ ://([^@/]*@)?(127\.0\.0\.1|localhost)(:|/|$) ]]; }
manage_pg=false; is_local_url "${DATABASE_URL:-}" && manage_pg=true
manage_redis=false; is_local_url "${REDIS_URL:-}" && manage_redis=true

# --- install what is missing -------------------------------------------------------------------
missing=()
command -v dockerd > /dev/null || missing+=(docker.io)
$manage_redis && ! command -v redis-server > /dev/null && missing+=(redis-server)
$manage_pg && ! command -v pg_ctlcluster > /dev/null && missing+=(postgresql)
# `docker compose config` checks the production compose file in the tests.
! docker compose version > /dev/null 2>&1 && ! command -v docker-compose > /dev/null && missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get > /dev/null || { say "missing ${missing[*]} and this is not Debian/Ubuntu: install them by hand"; exit 1; }
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq > /dev/null
  apt-get install -y -qq "${missing[@]}" > /dev/null
fi

wait_for() { # seconds, description, command...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq $((seconds * 5))); do "$@" > /dev/null 2>&1 && return 0; sleep 0.2; done
  say "$what did not come up within ${seconds} s"; return 1
}

# --- PostgreSQL --------------------------------------------------------------------------------
if $manage_pg; then
  if ! pg_isready -q -h 127.0.0.1; then
    version="$(pg_lsclusters -h | awk 'NR==1 {print $1}')"
    [ -n "$version" ] || { say "no PostgreSQL cluster found (pg_lsclusters)"; exit 1; }
    say "starting PostgreSQL $version"
    pg_ctlcluster "$version" main start
    wait_for 30 PostgreSQL pg_isready -q -h 127.0.0.1
  fi
  # Role and database for the defaults in DATABASE_URL; CREATEDB for test and shadow databases.
  as_postgres() { (cd / && runuser -u postgres -- "$@"); }
  if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'pier'")" != "1" ]; then
    as_postgres psql -qc "CREATE ROLE pier LOGIN PASSWORD 'pier' CREATEDB"
  fi
  if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'pier'")" != "1" ]; then
    as_postgres createdb -O pier pier
  fi
fi

# --- Redis -------------------------------------------------------------------------------------
if $manage_redis && ! redis-cli -h 127.0.0.1 ping > /dev/null 2>&1; then
  say "starting Redis"
  redis-server --daemonize yes --port 6379 --bind 127.0.0.1 --save '' --appendonly no > /dev/null
  wait_for 15 Redis redis-cli -h 127.0.0.1 ping
fi

# --- Docker ------------------------------------------------------------------------------------
if ! docker info > /dev/null 2>&1; then
  say "starting dockerd (log: /var/log/pier-dockerd.log)"
  # The kernel forwards loopback-published ports instead of a docker-proxy process per port: faster.
  setsid nohup dockerd --userland-proxy=false > /var/log/pier-dockerd.log 2>&1 < /dev/null &
  wait_for 60 "the Docker socket" test -S /var/run/docker.sock
  wait_for 60 "the Docker engine" docker info
fi
