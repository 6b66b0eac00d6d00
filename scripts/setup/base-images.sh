#!/usr/bin/env bash
# Makes sure the Node base image that Pier's generated Dockerfiles build FROM exists.
# Why: builds need $PIER_NODE_IMAGE (default node:20-bookworm-slim), but machines without an image
# registry (air-gapped, or only apt and npm reachable) can't pull it. Order:
#   1. $PIER_NODE_IMAGE is present locally → done.
#   2. `docker pull` works (bounded by PIER_PULL_TIMEOUT, default 60 s) → done. A failed pull is
#      remembered for 10 minutes, so repeated runs stay fast on machines where pulls hang.
#   3. $PIER_LOCAL_NODE_IMAGE (default pier-local/node:20-bookworm-slim) is present → done.
#   4. Build $PIER_LOCAL_NODE_IMAGE, an equivalent of the official image made from what this machine
#      has: Debian bookworm (debootstrap --variant=minbase from the machine's apt mirror, slimmed the
#      way debian:bookworm-slim is) plus the host's own node binary, npm and corepack in the official
#      layout (/usr/local), the `node` user (uid 1000), docker-entrypoint.sh, ENV NODE_VERSION and
#      CMD ["node"]; then `docker import` it. The debootstrap result is cached in /var/cache/pier
#      (PIER_CACHE_DIR), so a rebuild takes seconds. The worker (apps/worker/src/build/base-image.ts)
#      uses the local image only when the official one is absent and can't be pulled.
# A local image whose NODE_VERSION no longer matches the host's node is rebuilt. Idempotent; quick when
# the image exists.
set -euo pipefail

PREFERRED="${PIER_NODE_IMAGE:-node:20-bookworm-slim}"
LOCAL="${PIER_LOCAL_NODE_IMAGE:-pier-local/node:20-bookworm-slim}"
CACHE_DIR="${PIER_CACHE_DIR:-/var/cache/pier}"
PULL_TIMEOUT="${PIER_PULL_TIMEOUT:-60}"
PULL_RETRY_AFTER_MIN=10
SUITE=bookworm

say() { echo "base-images: $*" >&2; }
has_image() { docker image inspect "$1" > /dev/null 2>&1; }

node_bin="$(readlink -f "$(command -v node)")"
node_version="$("$node_bin" --version)"

# The local image exists and, if this script made it, carries the host's node version.
local_ok() {
  local info
  info="$(docker image inspect --format '{{index .Config.Labels "pier.local-base"}} {{range .Config.Env}}{{.}} {{end}}' "$LOCAL" 2> /dev/null)" || return 1
  [[ "$info" != true* ]] || [[ " $info " == *" NODE_VERSION=${node_version#v} "* ]]
}

has_image "$PREFERRED" && exit 0

mkdir -p "$CACHE_DIR" 2> /dev/null || true
pull_failed_stamp="$CACHE_DIR/pull-failed.$(printf '%s' "$PREFERRED" | tr -c 'A-Za-z0-9._-' '_')"
if local_ok && [ -n "$(find "$pull_failed_stamp" -mmin -"$PULL_RETRY_AFTER_MIN" 2> /dev/null)" ]; then
  exit 0 # pulled in vain a few minutes ago; the local equivalent is there
fi
if timeout "$PULL_TIMEOUT" docker pull -q "$PREFERRED" > /dev/null 2>&1; then
  rm -f "$pull_failed_stamp"
  say "pulled $PREFERRED"
  exit 0
fi
touch "$pull_failed_stamp" 2> /dev/null || true
local_ok && exit 0

# --- build the local equivalent ----------------------------------------------------------------
docker version > /dev/null 2>&1 || { say "Docker is not answering: run scripts/setup/services.sh first"; exit 1; }
exec 9> "$CACHE_DIR/base-images.lock"
flock 9 # another run may be building it right now
local_ok && exit 0
if has_image "$LOCAL"; then
  say "$LOCAL was made for another node version; rebuilding it for node $node_version"
else
  say "$PREFERRED cannot be pulled; building the local equivalent $LOCAL"
fi
started=$SECONDS

npm_cli="$(readlink -f "$(command -v npm)")"              # …/lib/node_modules/npm/bin/npm-cli.js
node_modules_dir="${npm_cli%/npm/bin/npm-cli.js}"
if [ "$node_modules_dir" = "$npm_cli" ] || [ ! -d "$node_modules_dir/npm" ]; then
  say "cannot find npm's node_modules directory (npm is $npm_cli)"; exit 1
fi
node_include_dir="$(dirname "$node_bin")/../include/node"  # headers, as in the official image

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

# The Debian packages providing the libraries node is linked against (libstdc++6, libgcc-s1, libc6 for
# the official binaries; more for other builds), so --include puts them in the rootfs. Libraries no
# package owns are copied from the host.
packages=() unpackaged=()
while read -r lib; do
  owner="$(dpkg-query --search "*${lib#/usr}" 2> /dev/null | head -1 | cut -d: -f1 | cut -d, -f1)" || true
  if [ -n "$owner" ]; then packages+=("$owner"); else unpackaged+=("$lib"); fi
done < <(ldd "$node_bin" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }')
includes="$(printf '%s\n' "${packages[@]}" | sort -u | paste -sd, -)"

# The mirror from the machine's apt sources (deb822 `URIs:` or one-line `deb [opts] URL suite …`).
mirror="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2> /dev/null \
  | awk '$1 == "URIs:" { for (i = 2; i <= NF; i++) print $i } $1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; break } }' \
  | grep -E '^https?://[^ ]+/debian/?$' | head -1 || true)"
mirror="${mirror:-http://deb.debian.org/debian}"
security_mirror="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2> /dev/null \
  | grep -oE 'https?://[^ ]+/debian-security/?( |$)' | head -1 | tr -d ' ' || true)"
security_mirror="${security_mirror:-http://deb.debian.org/debian-security}"
arch="$(dpkg --print-architecture)"

cache_key="$(printf '%s\n' "$SUITE" minbase "$arch" "$mirror" "$security_mirror" "$includes" updated-slim-v1 | sha256sum | cut -c1-12)"
rootfs_tarball="$CACHE_DIR/$SUITE-minbase-$arch-$cache_key.tar"

if [ -s "$rootfs_tarball" ]; then
  say "using the cached Debian $SUITE rootfs $rootfs_tarball"
  mkdir -p "$rootfs"
  tar -C "$rootfs" -xf "$rootfs_tarball"
else
  command -v debootstrap > /dev/null || { say "installing debootstrap (apt-get)"; apt_install debootstrap debian-archive-keyring; }
  keyring=() # on Ubuntu hosts debootstrap needs Debian's keyring named explicitly
  [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] && keyring=(--keyring=/usr/share/keyrings/debian-archive-keyring.gpg)
  # debootstrap fetches with wget, which doesn't read apt's proxy setting.
  apt_proxy=""; eval "$(apt-config shell apt_proxy Acquire::http::Proxy)"
  if [ -n "$apt_proxy" ] && [ -z "${http_proxy:-}" ]; then export http_proxy="$apt_proxy"; fi
  say "debootstrap $SUITE (minbase${includes:+, +$includes}) from $mirror; cached for next time"
  debootstrap --variant=minbase --arch="$arch" ${includes:+--include="$includes"} "${keyring[@]}" \
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
  cat > "$rootfs/etc/apt/apt.conf.d/docker-clean" << 'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
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
  if ! { in_rootfs apt-get update -qq && in_rootfs apt-get upgrade -y -qq -o Dpkg::Options::=--force-confold; } > "$work/upgrade.log" 2>&1; then
    say "warning: could not apply the updates; the image keeps the $SUITE release packages. The end of the log:"
    tail -n 5 "$work/upgrade.log" >&2
  fi
  umount "$rootfs/proc"
  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
  find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
  rm -rf "$rootfs"/usr/share/{man,groff,info,lintian,linda}/* \
    "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/var/log/bootstrap.log "$rootfs"/var/log/apt/* "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/lib/dpkg/*-old
  : > "$rootfs/var/log/dpkg.log"; : > "$rootfs/var/log/alternatives.log"
  rm -f "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname" # Docker provides both at run time
  touch "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname"

  rm -f "$CACHE_DIR/$SUITE"-minbase*.tar # older caches (other includes, mirror or recipe)
  tar -C "$rootfs" --numeric-owner -cf "$rootfs_tarball.tmp" . && mv "$rootfs_tarball.tmp" "$rootfs_tarball"
fi

# --- Node in the official image's layout -------------------------------------------------------
for lib in ${unpackaged[@]+"${unpackaged[@]}"}; do
  say "copying $lib from the host (no Debian package owns it)"
  mkdir -p "$rootfs$(dirname "$lib")" && cp -L "$lib" "$rootfs$lib"
done
mkdir -p "$rootfs/usr/local/bin" "$rootfs/usr/local/lib/node_modules" "$rootfs/usr/local/include"
install -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
cp -a "$node_modules_dir/npm" "$rootfs/usr/local/lib/node_modules/"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
if [ -d "$node_modules_dir/corepack" ]; then
  cp -a "$node_modules_dir/corepack" "$rootfs/usr/local/lib/node_modules/"
  ln -s ../lib/node_modules/corepack/dist/corepack.js "$rootfs/usr/local/bin/corepack"
fi
[ -d "$node_include_dir" ] && cp -a "$node_include_dir" "$rootfs/usr/local/include/node"
chown -R 0:0 "$rootfs/usr/local"
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
# The `node` user the official image has and Pier's Dockerfiles switch to.
chroot "$rootfs" groupadd --gid 1000 node
chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node

# --- import and check --------------------------------------------------------------------------
tar -C "$rootfs" --numeric-owner --exclude='./dev/*' -c . | docker import \
  --message "local equivalent of $PREFERRED (scripts/setup/base-images.sh)" \
  --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV NODE_VERSION=${node_version#v}" \
  --change "WORKDIR /" \
  --change "LABEL pier.local-base=true pier.local-base.of=$PREFERRED" \
  --change 'ENTRYPOINT ["docker-entrypoint.sh"]' \
  --change 'CMD ["node"]' \
  - "$LOCAL" > /dev/null

check() { # what, expected output, command…
  local what=$1 expected=$2 out; shift 2
  out="$(docker run --rm --network none "$LOCAL" "$@" 2>&1)" && [ "$out" = "$expected" ] && return 0
  say "check failed: $what printed: $out"; exit 1
}
check node "$node_version" node -e "console.log(process.version)"
check npm "$(npm --version)" npm --version
check sh ok sh -c 'echo ok'
check "node user" 1000 id -u node
size_mb="$(( $(docker image inspect --format '{{.Size}}' "$LOCAL") / 1000000 ))"
say "built $LOCAL (node $node_version, ${size_mb} MB) in $((SECONDS - started)) s"
