#!/usr/bin/env bash
# Starts the registry a local cluster's nodes pull Pier's images from: Debian's docker-registry (Docker's
# distribution), plain HTTP on <listen address:port>, its images, configuration, log and pid file in <data dir>.
# Why: with PIER_RUNTIME=swarm every built image is pushed to a registry (PIER_REGISTRY) and each node pulls it
# from there; a machine (or a test) without one gets it here. Deleting is turned on, so retention can remove
# the tags of pruned deployments; `docker-registry garbage-collect` then frees their blobs (operator guide,
# registry.md). No systemd needed: it runs in the background in its own session, like services.sh's daemons.
#
#   scripts/setup/registry.sh <listen address:port> <data dir> [htpasswd file]   start (nothing if running)
#   scripts/setup/registry.sh --stop <data dir>                                  stop it
#
# With an htpasswd file (bcrypt entries, `htpasswd -Bbn <user> <password>`), it asks for those credentials.
# Idempotent: when the registry of <data dir> runs and answers, nothing happens.
set -euo pipefail

say() { echo "registry: $*" >&2; }
usage() {
  say "usage: $0 <listen address:port> <data dir> [htpasswd file]  |  $0 --stop <data dir>"
  exit 2
}

# The pid of the registry of a data dir, if it runs.
running_pid() {
  local pid
  pid="$(cat "$1/registry.pid" 2> /dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null && [ "$(cat "/proc/$pid/comm" 2> /dev/null)" = docker-registry ] &&
    echo "$pid"
}

if [ "${1:-}" = --stop ]; then
  [ $# -eq 2 ] || usage
  if pid="$(running_pid "$2")"; then
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2> /dev/null && kill -9 "$pid"
    say "stopped (pid $pid)"
  fi
  rm -f "$2/registry.pid"
  exit 0
fi

[ $# -ge 2 ] && [ $# -le 3 ] || usage
listen=$1
data="$(realpath -m "$2")"
htpasswd="${3:+$(realpath "$3")}"
[[ "$listen" =~ ^(.*):([0-9]+)$ ]] || usage
host="${BASH_REMATCH[1]}"
port="${BASH_REMATCH[2]}"
# An address of every interface is reached at this machine's loopback.
case "$host" in "" | 0.0.0.0) host=127.0.0.1 ;; "[::]") host="[::1]" ;; esac
url="http://$host:$port/v2/"

# GET /v2/ answers 200, or 401 when it asks for credentials: either way the registry is up.
answers() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url")" || return 1
  [ "$code" = 200 ] || [ "$code" = 401 ]
}

if running_pid "$data" > /dev/null && answers; then exit 0; fi

# --- install it when missing (as services.sh installs the other services) ---------------------
if ! command -v docker-registry > /dev/null; then
  command -v apt-get > /dev/null || { say "docker-registry is missing, and this is not Debian/Ubuntu"; exit 1; }
  [ "$(id -u)" = 0 ] || { say "docker-registry is missing: run this as root to install it"; exit 1; }
  say "installing docker-registry (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt_log="$(mktemp)"
  if ! { apt-get update -qq && apt-get install -y -qq docker-registry; } > "$apt_log" 2>&1; then
    say "apt-get failed; the end of its output:"; tail -n 20 "$apt_log" >&2; rm -f "$apt_log"; exit 1
  fi
  rm -f "$apt_log"
fi

# --- its configuration ------------------------------------------------------------------------
mkdir -p "$data/storage"
auth=""
if [ -n "$htpasswd" ]; then
  auth="auth:
  htpasswd:
    realm: pier-registry
    path: $htpasswd"
fi
# No blob descriptor cache: after a delete it could still answer for what is gone.
cat > "$data/config.yml" << EOF
version: 0.1
log:
  level: info
  fields:
    service: registry
storage:
  filesystem:
    rootdirectory: $data/storage
  delete:
    enabled: true
http:
  addr: $listen
  headers:
    X-Content-Type-Options: [nosniff]
$auth
EOF

# --- start it ---------------------------------------------------------------------------------
# shellcheck source=detach.sh
source "$(dirname "${BASH_SOURCE[0]}")/detach.sh"
say "starting docker-registry on $listen (data and log in $data)"
without_extra_fds setsid -w nohup docker-registry serve "$data/config.yml" >> "$data/registry.log" 2>&1 < /dev/null &
pid=$!
deadline=$((SECONDS + 30))
until answers; do
  if ! kill -0 "$pid" 2> /dev/null; then
    say "docker-registry exited; the end of $data/registry.log:"; tail -n 15 "$data/registry.log" >&2; exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then say "docker-registry did not answer $url within 30 s"; exit 1; fi
  sleep 0.1
done
# setsid forks when it can't lead a session of its own (a caller with job control): the registry is its child.
if [ "$(cat "/proc/$pid/comm" 2> /dev/null)" != docker-registry ]; then
  pid="$(pgrep -P "$pid" -x docker-registry)" || { say "can't find the docker-registry process"; exit 1; }
fi
echo "$pid" > "$data/registry.pid"
say "up at $url (pid $pid)"
