#!/usr/bin/env bash
# What only the tests need beyond the platform, from Debian: Chromium, which the dashboard's browser test drives
# through playwright-core (npm's own browser download doesn't work on offline machines), pebble (with
# pebble-challtestsrv), the ACME CA the certificate tests issue from on 127.0.0.1, and sshd, the private SSH git host
# the deploy-key test clones from (its own instance on 127.0.0.1; the package's own service is not used), and zsh
# and fish, the shells the CLI's completion test loads `pier completion` into.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
{ command -v pebble && command -v pebble-challtestsrv; } > /dev/null || missing+=(pebble)
# The tests make their certificates (pebble's listener, operator ones) with it.
command -v openssl > /dev/null || missing+=(openssl)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v zsh > /dev/null || missing+=(zsh)
command -v fish > /dev/null || missing+=(fish)
[ ${#missing[@]} -eq 0 ] && exit 0
command -v apt-get > /dev/null || {
  echo "test-tools: install ${missing[*]} for the tests (Chromium at /usr/bin/chromium, pebble on the PATH)" >&2
  exit 1
}
echo "test-tools: installing ${missing[*]} (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if ! { apt-get update -qq && apt-get install -y -qq "${missing[@]}"; } > "$log" 2>&1; then
  tail -n 20 "$log" >&2; rm -f "$log"; exit 1
fi
rm -f "$log"
