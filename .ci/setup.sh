#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine of this kind:
# the Python package with its test extras in .venv, and the Debian packages the
# browser and database tests use (chromium, virtuoso-opensource). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [ -f .ci/services.sh ]; then :; fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "note: ${need_apt[*]} missing and not root; browser tests will be skipped" >&2
  fi
fi
if [ -f .ci/services.sh ]; then bash .ci/services.sh; fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e '.[test]'
