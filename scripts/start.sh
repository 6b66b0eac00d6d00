#!/usr/bin/env bash
# `npm start`: prepares the machine, then becomes the supervisor of API, worker, controller and router
# (scripts/supervise.ts), in the foreground. A crashed process is restarted, the others keep running.
# Ctrl-C or SIGTERM stops Pier's processes; the apps' containers keep running. package.json runs this
# with `exec`, so no `sh -c` stays between npm and the supervisor: a TERM sent to npm reaches it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
exec node --import tsx scripts/supervise.ts
