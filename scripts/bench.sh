#!/usr/bin/env bash
# The benchmarks of issue #6 and the engine's own, on a release build, printed as ONE table.
#
#   scripts/bench.sh                       everything (about 3 minutes plus the build)
#   SUBSCRIBERS=2000 CONNECTIONS=20 scripts/bench.sh   a smaller fan-out
#   REPLICA_SUBSCRIBERS=200 REPLICA_SECONDS=30 scripts/bench.sh   a smaller fan-out through Redis
#
# Runs: aebench strategies (one coin-tick of 70 strategies), aebench market (the live engine on
# the mock exchange), aebench fanout (WatchCoinStates subscribers over HTTP/2 connections to a
# real `autoengine serve`, then through Redis: one engine and two API replicas), h2load on the unary GetCoinState / ListCoinStates and wrk on
# GET /api/coinstate against a real `autoengine serve` (simulated market, prices every second).
# Installs h2load (Debian nghttp2-client) and wrk when missing. Figures depend on the machine and
# on what else runs on it: the table's first lines say which machine and build.
set -euo pipefail
cd "$(dirname "$0")/.."

SUBSCRIBERS=${SUBSCRIBERS:-10000}
CONNECTIONS=${CONNECTIONS:-100}
FANOUT_SECONDS=${FANOUT_SECONDS:-30}
LOAD_SECONDS=${LOAD_SECONDS:-10}
CONCURRENCY=${CONCURRENCY:-64}
CANDLES=${CANDLES:-../shared/data/candles}
REPLICA_SUBSCRIBERS=${REPLICA_SUBSCRIBERS:-1000}
REPLICA_CONNECTIONS=${REPLICA_CONNECTIONS:-20}
REPLICA_SECONDS=${REPLICA_SECONDS:-60}

# --- h2load and wrk (this feature's installs; only when missing) ---
need=()
command -v h2load >/dev/null || need+=(nghttp2-client)
command -v wrk >/dev/null || need+=(wrk)
# aebench fanout --replicas starts its own redis-server (Debian's) on a free loopback port.
command -v redis-server >/dev/null || need+=(redis-server)
if ((${#need[@]})); then
  echo "bench.sh: installing ${need[*]}" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}" >/dev/null; fi
fi

echo "bench.sh: building release (aebench, autoengine)" >&2
swift build -c release --product autoengine >&2
swift build -c release --product aebench >&2
bin=$(swift build -c release --show-bin-path)

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

rows=()
row() { rows+=("| $1 | $2 |"); }

# --- the strategy core and the live engine ---
if [ -d "$CANDLES" ]; then
  echo "bench.sh: aebench strategies" >&2
  out=$("$bin/aebench" strategies --data "$CANDLES")
  echo "$out" >&2
  line=$(grep '^per coin-tick' <<<"$out")
  row "strategies: one coin-tick (indicators + 70 strategies + aggregation)" \
    "median $(awk '{print $4}' <<<"$line") µs, p99 $(awk '{print $10}' <<<"$line") µs"
  alloc=$(grep '^allocations' <<<"$out" | awk '{print $2}')
  row "strategies: heap allocations per coin-tick" "$alloc"
else
  row "strategies" "skipped: $CANDLES missing"
fi
echo "bench.sh: aebench market" >&2
out=$("$bin/aebench" market --minutes 10 --speedup 30)
echo "$out" >&2
row "market: exchange calls per simulated minute (target ≤ 20)" \
  "$(grep '^exchange calls' <<<"$out" | sed -E 's/.*total ([0-9.]+).*/\1/')"
row "market: cache hit rate (target ≥ 95 %)" "$(grep '^cache hit rate' <<<"$out" | sed -E 's/cache hit rate: ([0-9.]+ %).*/\1/')"
row "market: fetch-to-publish per price tick" \
  "$(grep '^fetch-to-publish' <<<"$out" | sed -E 's/.*median ([0-9]+ µs), p99 ([0-9]+ µs).*/median \1, p99 \2/')"

# --- fan-out: N WatchCoinStates subscribers over C connections ---
echo "bench.sh: aebench fanout --subscribers $SUBSCRIBERS --connections $CONNECTIONS" >&2
"$bin/aebench" fanout --subscribers "$SUBSCRIBERS" --connections "$CONNECTIONS" --duration "$FANOUT_SECONDS" \
  >"$work/fanout.txt"
cat "$work/fanout.txt" >&2
f=$(cat "$work/fanout.txt")
row "fanout: $SUBSCRIBERS subscribers / $CONNECTIONS connections, tick-to-delivery (target p99 ≤ 100 ms)" \
  "$(grep '^tick-to-delivery' <<<"$f" | sed -E 's/tick-to-delivery +//; s/ +\(target.*//; s/   /, /g')"
row "fanout: lost / out of order / ticks missed (must be 0)" \
  "$(grep '^failed streams' <<<"$f" | sed -E 's/.*lost ([0-9]+), out of order ([0-9]+), .*kept up ([0-9]+).*/\1 \/ \2 \/ \3/')"
row "fanout: conflated updates; subscribers that kept up" \
  "$(grep '^conflated' <<<"$f" | sed -E 's/conflated ([0-9]+) updates; ([0-9]+) of ([0-9]+).*/\1; \2 of \3/')"
row "fanout: server RSS (target ≤ 1 GiB), CPU" "$(grep '^server RSS' <<<"$f" | sed -E 's/server RSS //; s/, target ≤ 1 GiB//')"

# --- fan-out through Redis: one --role engine, two --role api replicas, a private redis-server ---
echo "bench.sh: aebench fanout --replicas 2 --subscribers $REPLICA_SUBSCRIBERS" >&2
"$bin/aebench" fanout --replicas 2 --subscribers "$REPLICA_SUBSCRIBERS" --connections "$REPLICA_CONNECTIONS" \
  --duration "$REPLICA_SECONDS" >"$work/replicas.txt"
cat "$work/replicas.txt" >&2
f=$(cat "$work/replicas.txt")
row "fanout via Redis: Redis hop, replica's first send − engine's first send per tick (target p99 ≤ 2 ms)" \
  "$(grep '^redis hop' <<<"$f" | sed -E 's/.*\) +//; s/ +\(target.*//; s/   /, /g')"
row "fanout via Redis: $REPLICA_SUBSCRIBERS subscribers on 2 replicas, tick-to-delivery per server" \
  "$(grep -E '^(engine|replica [0-9]+):' <<<"$f" | sed -E 's/: ([0-9]+) subscribers, tick-to-delivery /: \1 subs, /; s/   max.*//; s/   /, /g' | paste -sd ';' - | sed 's/;/; /g')"
row "fanout via Redis: lost / out of order / ticks missed (must be 0)" \
  "$(grep '^failed streams' <<<"$f" | sed -E 's/.*lost ([0-9]+), out of order ([0-9]+), .*kept up ([0-9]+).*/\1 \/ \2 \/ \3/')"
row "fanout via Redis: what Redis carried" "$(grep '^redis carried' <<<"$f" | sed -E 's/^redis carried //')"

# --- unary reads under load: h2load (gRPC) and wrk (REST) against a real server ---
"$bin/autoengine" serve --market simulated --host 127.0.0.1 --grpc-port 0 --http-port 0 --data-dir "$work/data" \
  --set fetch.price_fetch_interval=1 --set market.step_seconds=1 2>"$work/server.log" >/dev/null &
server_pid=$!
for _ in $(seq 1 600); do
  grep -q 'REST listening on' "$work/server.log" 2>/dev/null && grep -q 'gRPC listening on' "$work/server.log" && break
  sleep 0.1
done
grpc_port=$(grep -o 'gRPC listening on [^ ]*' "$work/server.log" | head -1 | sed -E 's/.*:([0-9]+)$/\1/')
http_port=$(grep -o 'REST listening on [^ ]*' "$work/server.log" | head -1 | sed -E 's/.*:([0-9]+)$/\1/')
sleep 3 # the first price ticks
# gRPC framing: 1 byte "not compressed", 4 bytes big-endian length, then the protobuf request.
# GetCoinStateRequest{symbol: "BTC-USD"} = field 1 (0x0a), length 7, "BTC-USD"; ListCoinStatesRequest{} = empty.
printf '\x00\x00\x00\x00\x09\x0a\x07BTC-USD' >"$work/get.bin"
printf '\x00\x00\x00\x00\x00' >"$work/list.bin"
h2() { # name, body file, method
  local out
  out=$(h2load -D "$LOAD_SECONDS" --warm-up-time=2 -c 4 -m $((CONCURRENCY / 4)) -d "$2" \
    -H 'content-type: application/grpc' -H 'te: trailers' \
    "http://127.0.0.1:$grpc_port/autoengine.v1.CoinStateService/$3" 2>&1)
  echo "$out" >&2
  local rps mean max ok
  rps=$(grep -oE '[0-9.]+ req/s' <<<"$out" | head -1)
  read -r _ _ _ _ max mean _ < <(grep '^time for request:' <<<"$out")
  ok=$(grep -oE '[0-9]+ succeeded, [0-9]+ failed' <<<"$out")
  row "$1 (h2load, $CONCURRENCY streams over 4 connections)" "$rps, mean $mean, max $max ($ok)"
}
h2 "gRPC GetCoinState" "$work/get.bin" GetCoinState
h2 "gRPC ListCoinStates (40 coins)" "$work/list.bin" ListCoinStates
out=$(wrk -t 2 -c "$CONCURRENCY" -d "${LOAD_SECONDS}s" --latency "http://127.0.0.1:$http_port/api/coinstate" 2>&1)
echo "$out" >&2
row "REST GET /api/coinstate, 40 coins (wrk, $CONCURRENCY connections)" \
  "$(grep -oE 'Requests/sec: +[0-9.]+' <<<"$out" | awk '{print $2}') req/s, p50 $(awk '$1=="50%"{print $2}' <<<"$out"), p99 $(awk '$1=="99%"{print $2}' <<<"$out")"

# --- the table ---
echo
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; release build; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| benchmark | result |"
echo "| --- | --- |"
printf '%s\n' "${rows[@]}"
