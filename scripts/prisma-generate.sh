#!/usr/bin/env bash
# Generates the Prisma client into packages/db/src/generated/prisma (the schema's generator output).
# Prisma 7's CLI wants a native schema engine at start even though `generate` never runs it; where it
# can't be downloaded (offline machines) any existing file stands in, so point it at a placeholder.
# Quiet on success; on failure prints everything prisma said and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PRISMA_SCHEMA_ENGINE_BINARY:-}" ]; then
  placeholder=node_modules/.cache/pier/schema-engine-placeholder
  mkdir -p "$(dirname "$placeholder")"
  # Should anything ever run it, say why instead of failing mysteriously.
  if [ ! -f "$placeholder" ]; then
    printf '#!/bin/sh\necho "placeholder schema engine: migrate with npm run db:migrate" >&2\nexit 1\n' > "$placeholder"
  fi
  chmod +x "$placeholder"
  export PRISMA_SCHEMA_ENGINE_BINARY="$PWD/$placeholder"
fi
# --no: never let npx fetch a different prisma than the pinned one in node_modules.
if ! output=$(npx --no -- prisma generate --no-hints 2>&1); then
  printf '%s\n' "$output" >&2
  echo "prisma-generate.sh: prisma generate failed" >&2
  exit 1
fi
