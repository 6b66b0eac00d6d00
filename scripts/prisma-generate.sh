#!/usr/bin/env bash
# Generates the Prisma client into packages/db/src/generated/prisma.
# Prisma 7's CLI wants a native schema engine at start even though `generate` never runs it; where it
# can't be downloaded (offline machines) any existing file stands in, so point it at a placeholder.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PRISMA_SCHEMA_ENGINE_BINARY:-}" ]; then
  placeholder=node_modules/.cache/pier/schema-engine-placeholder
  mkdir -p "$(dirname "$placeholder")"
  [ -f "$placeholder" ] || printf '#!/bin/sh\necho "placeholder: Pier migrates with npm run db:migrate" >&2\nexit 1\n' > "$placeholder"
  chmod +x "$placeholder"
  export PRISMA_SCHEMA_ENGINE_BINARY="$PWD/$placeholder"
fi
npx prisma generate --no-hints > /dev/null
