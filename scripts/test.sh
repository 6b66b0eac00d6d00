#!/usr/bin/env bash
# `npm test`: the same preparation as `npm start`, then the type check and every test
# (unit and integration, on real PostgreSQL, Redis and Docker).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
bash scripts/setup/test-tools.sh
npx turbo run typecheck --output-logs=errors-only
# scripts/ (supervise.ts runs in production) and bench/ are no workspace: checked here.
npx tsc -p scripts
npx tsc -p bench

results="$(mktemp /tmp/pier-test-results-XXXXXX.json)"
trap 'rm -f "$results"' EXIT
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
# One plain closing line that any CI can read.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$results" || echo "tests: vitest wrote no results (see above)" >&2
exit "$status"
