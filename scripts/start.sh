#!/usr/bin/env bash
# `npm start`: prepares the machine, then runs API, worker, controller and router in the foreground.
# Ctrl-C stops Pier's processes; the apps' containers keep running.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh

pids=()
stop() {
  trap - INT TERM
  echo "Stopping Pier (apps keep running)…" >&2
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  exit 0
}
trap stop INT TERM

npx tsx apps/router/src/main.ts & pids+=($!)
npx tsx apps/worker/src/main.ts & pids+=($!)
npx tsx apps/controller/src/main.ts & pids+=($!)
npx tsx apps/api/src/server.ts & pids+=($!)

# If any one of them dies, stop the others and fail: a half-running Pier is worse than none.
set +e
wait -n "${pids[@]}"
status=$?
echo "A Pier process exited (status $status); stopping the others." >&2
kill -TERM "${pids[@]}" 2>/dev/null
wait "${pids[@]}" 2>/dev/null
exit "$status"
