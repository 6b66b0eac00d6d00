#!/usr/bin/env bash
# `npm test`: the same preparation as `npm start`, then the type check and every test
# (unit and integration, on real PostgreSQL, Redis and Docker).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
npx turbo run typecheck --output-logs=errors-only
npx vitest run "$@"
