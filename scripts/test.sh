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
if ((${#need[@]})); then
  echo "test.sh: installing ${need[*]}" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}" >/dev/null; fi
fi

# The shared candle data the core tests replay must sit beside the repository.
if [ ! -d ../shared/data/candles ]; then
  echo "test.sh: ../shared/data/candles is missing: the tests need the shared folder beside this repository" >&2
  exit 1
fi

exec swift test "$@"
