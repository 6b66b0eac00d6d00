#!/usr/bin/env bash
# Makes sure PostgreSQL, Redis and a Docker engine are installed and running on this machine, for
# `npm start` and `npm test` (run by scripts/prepare.sh). Why: Pier needs all three, and a fresh machine
# or a CI job starts with nothing installed and no processes (no systemd either), so nothing else would
# start them. On Debian/Ubuntu it installs what is missing with one apt-get run. PostgreSQL and Redis are
# only managed here when DATABASE_URL / REDIS_URL are unset or point at this machine. The role and
# database `pier` (password `pier`, CREATEDB for test databases) match the default DATABASE_URL.
# Idempotent, and quick (well under a second) when everything is already up.
set -euo pipefail

say() { echo "services: $*" >&2; }
is_local_url() { [ -z "$1" ] || [[ "$1" =~ ://([^@/]*@)?(127\.0\.0\.1|localhost|\[::1\])(:|/|\?|$) ]]; }
manage_pg=false; is_local_url "${DATABASE_URL:-}" && manage_pg=true
manage_redis=false; is_local_url "${REDIS_URL:-}" && manage_redis=true

# shellcheck source=detach.sh
source "$(dirname "${BASH_SOURCE[0]}")/detach.sh"

# Waits until a command succeeds: wait_for <seconds> <what> <command...>
wait_for() {
  local deadline=$((SECONDS + $1)) what=$2; shift 2
  until "$@" > /dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then say "$what did not come up in time"; return 1; fi
    sleep 0.2
  done
}

# --- install what is missing (one apt-get run, only when something is missing) -----------------
missing=()
command -v dockerd > /dev/null || missing+=(docker.io)
# `docker compose config` checks the production compose file in the tests: the v2 plugin or Debian's v1.
docker compose version > /dev/null 2>&1 || command -v docker-compose > /dev/null || missing+=(docker-compose)
# The router's data plane.
command -v haproxy > /dev/null || missing+=(haproxy)
if $manage_redis && ! command -v redis-server > /dev/null; then missing+=(redis-server); fi
if $manage_pg && ! command -v pg_ctlcluster > /dev/null; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get > /dev/null || {
    say "missing ${missing[*]}, and this is not Debian/Ubuntu: install them by hand"
    exit 1
  }
  [ "$(id -u)" = 0 ] || { say "missing ${missing[*]}: run this as root to install them"; exit 1; }
  say "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt_log="$(mktemp)"
  if ! { apt-get update -qq && apt-get install -y -qq "${missing[@]}"; } > "$apt_log" 2>&1; then
    say "apt-get failed; the end of its output:"; tail -n 20 "$apt_log" >&2; rm -f "$apt_log"; exit 1
  fi
  rm -f "$apt_log"
fi

# --- PostgreSQL --------------------------------------------------------------------------------
if $manage_pg; then
  if ! pg_isready -q -h 127.0.0.1; then
    # First cluster pg_lsclusters lists: "<version> <name> <port> <status> ...".
    read -r version cluster _ status _ < <(pg_lsclusters -h 2>/dev/null | head -1) || true
    if [ -z "${version:-}" ]; then # packages installed with create_main_cluster = false
      version="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -1)"
      say "creating PostgreSQL $version cluster main"
      pg_createcluster "$version" main > /dev/null
      cluster=main status=down
    fi
    if [[ "$status" == online* ]]; then
      say "PostgreSQL $version/$cluster is starting; waiting"
    else
      say "starting PostgreSQL $version/$cluster"
      without_extra_fds pg_ctlcluster "$version" "$cluster" start
    fi
    wait_for 30 PostgreSQL pg_isready -q -h 127.0.0.1
  fi
  # Fast path: the role and database already work with the default credentials.
  if ! PGPASSWORD=pier PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -U pier -d pier -qtAc 'SELECT 1' > /dev/null 2>&1; then
    as_postgres() { (cd / && runuser -u postgres -- "$@"); }
    role_query="SELECT count(*) FROM pg_roles WHERE rolname = 'pier'"
    database_query="SELECT count(*) FROM pg_database WHERE datname = 'pier'"
    existing="$(as_postgres psql -qtAc "SELECT ($role_query) || ',' || ($database_query)")"
    if [ "${existing%,*}" = 0 ]; then
      say "creating PostgreSQL role pier"
      as_postgres psql -qc "CREATE ROLE pier LOGIN PASSWORD 'pier' CREATEDB"
    fi
    if [ "${existing#*,}" = 0 ]; then
      say "creating PostgreSQL database pier"
      as_postgres createdb -O pier pier
    fi
  fi
fi

# --- Redis -------------------------------------------------------------------------------------
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }
if $manage_redis && ! redis_up; then
  # Queued deployments live in Redis: an append-only file brings them back after a Redis restart.
  redis_dir="${PIER_REDIS_DIR:-/var/lib/pier-redis}"
  mkdir -p "$redis_dir"
  say "starting Redis (127.0.0.1:6379, append-only file in $redis_dir)"
  without_extra_fds redis-server --daemonize yes --port 6379 --bind 127.0.0.1 --dir "$redis_dir" \
    --save '' --appendonly yes --appendfsync everysec > /dev/null
  wait_for 15 Redis redis_up
fi

# --- Docker ------------------------------------------------------------------------------------
# Pier talks to /var/run/docker.sock, whatever DOCKER_HOST or the docker CLI context say.
docker_up() { docker -H unix:///var/run/docker.sock info > /dev/null 2>&1; }
if ! docker_up; then
  if pidof dockerd > /dev/null; then
    say "dockerd is running but not answering yet; waiting"
  else
    say "starting dockerd (log: /var/log/pier-dockerd.log)"
    # In its own session (setsid; -w keeps $! alive if setsid has to fork) and with only the log open,
    # so it outlives this script. --userland-proxy=false: the kernel forwards published ports instead
    # of a docker-proxy process per port. Live restore: apps keep running while the engine restarts
    # (an upgrade, a crash); the router reaches them at their app-network address, which needs no engine.
    # A daemon.json that sets either already must not get the flag too (dockerd refuses both).
    dockerd_flags=()
    grep -qs '"userland-proxy"' /etc/docker/daemon.json || dockerd_flags+=(--userland-proxy=false)
    grep -qs '"live-restore"' /etc/docker/daemon.json || dockerd_flags+=(--live-restore)
    without_extra_fds setsid -w nohup dockerd "${dockerd_flags[@]}" >> /var/log/pier-dockerd.log 2>&1 < /dev/null &
    dockerd_pid=$!
  fi
  deadline=$((SECONDS + 60))
  until [ -S /var/run/docker.sock ] && docker_up; do
    if [ -n "${dockerd_pid:-}" ] && ! kill -0 "$dockerd_pid" 2> /dev/null; then
      say "dockerd exited; the end of /var/log/pier-dockerd.log:"; tail -n 15 /var/log/pier-dockerd.log >&2; exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "Docker did not come up within 60 s (see /var/log/pier-dockerd.log)"; exit 1
    fi
    sleep 0.3
  done
  say "Docker is up"
fi
if [ "$(docker -H unix:///var/run/docker.sock info --format '{{.LiveRestoreEnabled}}' 2> /dev/null)" != "true" ]; then
  say "note: this Docker engine runs without live restore, so restarting it stops every app; to keep them"
  say "  running, set \"live-restore\": true in /etc/docker/daemon.json and reload it (kill -HUP \$(pidof dockerd))"
fi
