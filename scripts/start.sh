#!/usr/bin/env bash
# `npm start`: prepares the machine, builds Pier's processes into plain JavaScript (scripts/build.ts, every
# start: it takes about a second, so a build is never stale), then becomes the supervisor of API, worker,
# controller and router (scripts/supervise.ts), in the foreground. A crashed process is restarted, the others
# keep running.
# Ctrl-C or SIGTERM stops Pier's processes; the apps' containers keep running. package.json runs this
# with `exec`, so no `sh -c` stays between npm and the supervisor: a TERM sent to npm reaches it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
printf '\033[1m▸ %s\033[0m\n' "Building Pier's processes" >&2
node --import tsx scripts/build.ts
exec node scripts/dist/supervise.js
