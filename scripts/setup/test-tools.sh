#!/usr/bin/env bash
# What only the tests need beyond the platform: Debian's Chromium, which the dashboard's browser test
# drives through playwright-core (npm's own browser download doesn't work on offline machines).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  command -v apt-get > /dev/null || {
    echo "test-tools: install Chromium at /usr/bin/chromium for the browser test" >&2
    exit 1
  }
  echo "test-tools: installing chromium (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  if ! { apt-get update -qq && apt-get install -y -qq chromium; } > "$log" 2>&1; then
    tail -n 20 "$log" >&2; rm -f "$log"; exit 1
  fi
  rm -f "$log"
fi
