#!/usr/bin/env bash
# Everything both `npm start` and `npm test` need before Pier can run, on a fresh machine or a warm one:
# dependencies, PostgreSQL/Redis/Docker, the Prisma client, migrations, and the build base images.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\033[1m▸ %s\033[0m\n' "$*" >&2; }

# npm ci when node_modules is missing or older than the lockfile; npm never runs install scripts here.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

step "Checking PostgreSQL, Redis and Docker"
bash scripts/setup/services.sh

if [ ! -f packages/db/src/generated/prisma/client.ts ] \
  || [ prisma/schema.prisma -nt packages/db/src/generated/prisma/client.ts ]; then
  step "Generating the Prisma client"
  bash scripts/prisma-generate.sh
fi

step "Applying database migrations"
npx tsx packages/db/src/migrate/cli.ts deploy

step "Checking the build base images"
bash scripts/setup/base-images.sh
