# Pier's own image: one image, four commands (api, worker, controller, router). See docker-compose.yml.
# Ordered for Docker's layer cache: system packages, then dependencies (only a lockfile or package.json
# change reinstalls them), then the Prisma client (only a schema change), then the code.
ARG NODE_IMAGE=node:20-bookworm-slim
FROM ${NODE_IMAGE}
# openssh-client: deploy-key clones (ssh) and the API's check of a deploy key (ssh-keygen).
RUN apt-get update \
  && apt-get install -y --no-install-recommends git ca-certificates openssl haproxy openssh-client \
  && rm -rf /var/lib/apt/lists/*
# A TLS-intercepting proxy's CA (docker/ca-certificates/*.crt; none in the repo) is trusted by npm here, and by
# git, Node and app builds at run time.
COPY docker/ca-certificates/ /usr/local/share/pier-ca-certificates/
RUN find /usr/local/share/pier-ca-certificates -name '*.crt' -exec cat {} + >> /etc/ssl/certs/ca-certificates.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
WORKDIR /pier
COPY package.json package-lock.json turbo.json tsconfig.base.json prisma.config.ts ./
COPY packages/shared/package.json packages/shared/
COPY packages/db/package.json packages/db/
COPY packages/runtime/package.json packages/runtime/
COPY packages/release/package.json packages/release/
COPY packages/lifecycle/package.json packages/lifecycle/
COPY packages/notifications/package.json packages/notifications/
COPY packages/redis/package.json packages/redis/
COPY packages/routing/package.json packages/routing/
COPY packages/retention/package.json packages/retention/
COPY packages/rollouts/package.json packages/rollouts/
COPY packages/replicas/package.json packages/replicas/
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/controller/package.json apps/controller/
COPY apps/router/package.json apps/router/
COPY apps/cli/package.json apps/cli/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund --loglevel=error
COPY prisma/schema.prisma prisma/
COPY scripts/prisma-generate.sh scripts/
RUN bash scripts/prisma-generate.sh
COPY . .
# Each process as plain JavaScript (apps/*/dist), run by `node` with the V8 flags scripts/supervise.ts gives it.
RUN npm run build
ENV NODE_ENV=production MALLOC_ARENA_MAX=2
CMD ["node", "--liftoff-only", "--optimize-for-size", "apps/api/dist/main.js"]
