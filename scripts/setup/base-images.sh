#!/usr/bin/env bash
# Makes sure the Node base image that Pier's generated Dockerfiles build FROM exists.
# Order: $PIER_NODE_IMAGE present → done; pullable → done; else make $PIER_LOCAL_NODE_IMAGE, an
# equivalent of the official node:20-bookworm-slim built from what this machine has: a minimal Debian
# bookworm from apt (debootstrap) plus the host's own Node, npm and corepack. Air-gapped machines
# (no image registry) can build apps this way. Idempotent, and quick when the image exists.
set -euo pipefail

PREFERRED="${PIER_NODE_IMAGE:-node:20-bookworm-slim}"
LOCAL="${PIER_LOCAL_NODE_IMAGE:-pier-local/node:20-bookworm-slim}"
CACHE_DIR=/var/cache/pier
ROOTFS_TARBALL="$CACHE_DIR/bookworm-minbase.tar"

say() { echo "base-images: $*" >&2; }
has_image() { docker image inspect "$1" > /dev/null 2>&1; }

if has_image "$PREFERRED" || has_image "$LOCAL"; then exit 0; fi
if timeout 60 docker pull -q "$PREFERRED" > /dev/null 2>&1; then
  say "pulled $PREFERRED"
  exit 0
fi
say "$PREFERRED cannot be pulled; building the local equivalent $LOCAL"
started=$SECONDS

node_bin="$(command -v node)"
node_modules_dir="$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/../.." && pwd)"   # …/lib/node_modules
[ -d "$node_modules_dir/npm" ] || { say "cannot find npm next to $node_bin"; exit 1; }

work="$(mktemp -d /tmp/pier-base-XXXXXX)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"

mkdir -p "$CACHE_DIR"
if [ ! -s "$ROOTFS_TARBALL" ]; then
  command -v debootstrap > /dev/null || { say "installing debootstrap"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap > /dev/null; }
  mirror="$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | head -1 | awk '{print $2}' || true)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  say "debootstrap bookworm from $mirror (once; cached in $ROOTFS_TARBALL)"
  # libstdc++6 and ca-certificates: what Node links against and what npm needs for TLS.
  debootstrap --variant=minbase --include=ca-certificates,libstdc++6 bookworm "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -cf "$ROOTFS_TARBALL" .
  rm -rf "$rootfs"
fi

mkdir -p "$rootfs"
tar -C "$rootfs" -xf "$ROOTFS_TARBALL"
# The official image's layout: node in /usr/local/bin, npm and corepack in /usr/local/lib/node_modules.
mkdir -p "$rootfs/usr/local/bin" "$rootfs/usr/local/lib/node_modules"
cp "$node_bin" "$rootfs/usr/local/bin/node"
cp -a "$node_modules_dir/npm" "$rootfs/usr/local/lib/node_modules/npm"
[ -d "$node_modules_dir/corepack" ] && cp -a "$node_modules_dir/corepack" "$rootfs/usr/local/lib/node_modules/corepack"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
[ -d "$rootfs/usr/local/lib/node_modules/corepack" ] && ln -sf ../lib/node_modules/corepack/dist/corepack.js "$rootfs/usr/local/bin/corepack"
# The `node` user (uid 1000) that the official image has and Pier's Dockerfiles run as.
chroot "$rootfs" groupadd --gid 1000 node
chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node

node_version="$("$node_bin" --version)"
tar -C "$rootfs" -c . | docker import \
  --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV NODE_VERSION=${node_version#v}" \
  --change "LABEL pier.local-base=true pier.local-base.of=$PREFERRED" \
  --change 'CMD ["node"]' \
  - "$LOCAL" > /dev/null

docker run --rm --network none "$LOCAL" node -e "process.exit(process.version === '$node_version' ? 0 : 1)"
docker run --rm --network none "$LOCAL" npm --version > /dev/null
docker run --rm --network none --user node "$LOCAL" sh -c 'echo ok' > /dev/null
say "built $LOCAL (node $node_version) in $((SECONDS - started)) s"
