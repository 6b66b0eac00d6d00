#!/bin/sh
# As the official redis image does: without a config file, protected mode is off, because connections
# arrive through Docker's port mapping (not from loopback) and the port is published on the host's
# loopback only.
set -e
if [ "$1" = redis-server ] && ! [ -f "${2:-}" ]; then
  shift
  set -- redis-server --protected-mode no "$@"
fi
exec "$@"
