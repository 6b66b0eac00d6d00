#!/usr/bin/env bash
# Builds local stand-ins for the images docker-compose.yml runs PostgreSQL and Redis from
# (postgres:16-bookworm, redis:7-bookworm), for machines that can reach Debian's apt mirror but no image
# registry; the compose boot test (tests/e2e/production-compose.test.ts) uses them.
# Why from Debian packages: they are what such a machine can install. Both images build FROM a plain
# Debian bookworm: debian:bookworm-slim if present, else the bookworm rootfs scripts/setup/base-images.sh
# debootstrapped into $PIER_CACHE_DIR (imported once as $PIER_LOCAL_DEBIAN_IMAGE).
# Prints the images as compose settings, one a line (POSTGRES_IMAGE=…, REDIS_IMAGE=…). Idempotent; Docker's
# layer cache makes a rerun take a few seconds.
set -euo pipefail
cd "$(dirname "$0")/local-images"

CACHE_DIR="${PIER_CACHE_DIR:-/var/cache/pier}"
LOCAL_DEBIAN="${PIER_LOCAL_DEBIAN_IMAGE:-pier-local/debian:bookworm-slim}"
# Named for what they hold: Debian bookworm has PostgreSQL 15 (no 16) and Redis 7.0.
POSTGRES_IMAGE="${PIER_LOCAL_POSTGRES_IMAGE:-pier-local/postgres:15-bookworm}"
REDIS_IMAGE="${PIER_LOCAL_REDIS_IMAGE:-pier-local/redis:7-bookworm}"

say() { echo "local-images: $*" >&2; }
has_image() { docker image inspect "$1" > /dev/null 2>&1; }

if has_image debian:bookworm-slim; then
  debian=debian:bookworm-slim
else
  debian="$LOCAL_DEBIAN"
  if ! has_image "$debian"; then
    # base-images.sh keeps one rootfs tarball (it deletes older ones when it makes a new one).
    rootfs="$(find "$CACHE_DIR" -maxdepth 1 -name 'bookworm-minbase-*.tar' -printf '%T@ %p\n' 2> /dev/null \
      | sort -n | tail -1 | cut -d' ' -f2-)"
    if [ -z "$rootfs" ]; then
      say "no debian:bookworm-slim and no debootstrapped bookworm in $CACHE_DIR: run scripts/setup/base-images.sh first"
      exit 1
    fi
    say "importing $rootfs as $debian"
    docker import --change 'CMD ["bash"]' --message "Debian bookworm debootstrapped by scripts/setup/base-images.sh" \
      "$rootfs" "$debian" > /dev/null
  fi
fi

build() { # image, Dockerfile
  local log
  log="$(mktemp)"
  if ! docker build --build-arg "DEBIAN_IMAGE=$debian" -f "$2" -t "$1" . > "$log" 2>&1; then
    say "building $1 failed; the end of its log:"; tail -n 20 "$log" >&2; rm -f "$log"; exit 1
  fi
  rm -f "$log"
}
build "$POSTGRES_IMAGE" postgres.Dockerfile
build "$REDIS_IMAGE" redis.Dockerfile
echo "POSTGRES_IMAGE=$POSTGRES_IMAGE"
echo "REDIS_IMAGE=$REDIS_IMAGE"
