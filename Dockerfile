# Pier's own image: one image, four commands (api, worker, controller, router). See docker-compose.yml.
ARG NODE_IMAGE=node:20-bookworm-slim
FROM ${NODE_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends git ca-certificates haproxy && rm -rf /var/lib/apt/lists/*
WORKDIR /pier
COPY package.json package-lock.json turbo.json tsconfig.base.json prisma.config.ts ./
COPY packages/shared/package.json packages/shared/
COPY packages/db/package.json packages/db/
COPY packages/runtime/package.json packages/runtime/
COPY packages/release/package.json packages/release/
COPY packages/lifecycle/package.json packages/lifecycle/
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/controller/package.json apps/controller/
COPY apps/router/package.json apps/router/
COPY apps/cli/package.json apps/cli/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY . .
RUN bash scripts/prisma-generate.sh
ENV NODE_ENV=production
CMD ["npx", "tsx", "apps/api/src/server.ts"]
