#!/usr/bin/env bash
# `npm test`: the same preparation as `npm start`, then format, lint and line-width checks, the type check and
# every test (unit and integration, on real PostgreSQL, Redis and Docker).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
# Formatted, no lint finding at all (warnings fail too), no line over 120 characters: docs/code-style.md.
npm run --silent lint
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
  const skippedText = skipped ? `, ${skipped} skipped` : "";
  // The slowest files: where the time budget of the suite (about 20 minutes) is spent.
  const files = r.testResults.map((f) => ({
    name: f.name.replace(process.cwd() + "/", ""),
    seconds: (f.endTime - f.startTime) / 1000,
  }));
  for (const f of files.sort((a, b) => b.seconds - a.seconds).slice(0, 12))
    console.log(`slowest: ${f.seconds.toFixed(0).padStart(5)} s  ${f.name}`);
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skippedText}`);
' "$results" || echo "tests: vitest wrote no results (see above)" >&2
exit "$status"
