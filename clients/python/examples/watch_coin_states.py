#!/usr/bin/env python3
"""Watches coin states as the server pushes them (CoinStateService.WatchCoinStates).

Prints one header line per message (`snapshot #1: 40 coins`, `update #2: 40 coins, 0 conflated`,
`heartbeat #3`), then one line per coin: symbol, price, 24 h change, aggregated action with its
strength and confidence, and `STALE` when the price is stale.

    python clients/python/examples/watch_coin_states.py --count 3
    python clients/python/examples/watch_coin_states.py --symbols BTC-USD,ETHUSDT
"""

import argparse
import sys

import _path  # noqa: F401  (clients/python on sys.path)
import grpc

import autoengine_client as ae


def describe(coin, pb) -> str:
    action = pb.common.Action.Name(coin.signal.action).removeprefix("ACTION_") if coin.signal.action else "-"
    change = f"{coin.change_24h_pct:+.2f}%" if coin.HasField("change_24h_pct") else "-"
    stale = "  STALE" if coin.freshness.stale else ""
    return (
        f"  {coin.symbol:<10} {coin.price or '-':>16} {coin.quote_asset:<4} {change:>8}  "
        f"{action:<4} strength {coin.signal.strength:.2f} confidence {coin.signal.confidence:.2f}{stale}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ae.add_common_arguments(parser)
    parser.add_argument("--symbols", default="", help="comma-separated symbols; all coins when empty")
    parser.add_argument("--count", type=int, default=0, help="stop after this many messages (0: until Ctrl-C)")
    parser.add_argument("--heartbeat", type=int, default=0, help="seconds between heartbeats (0: server default)")
    arguments = parser.parse_args()
    pb = ae.stubs()
    request = pb.coin_state.WatchCoinStatesRequest(
        symbols=[s for s in arguments.symbols.split(",") if s], heartbeat_seconds=arguments.heartbeat
    )
    received = 0
    with ae.channel_from_arguments(arguments) as channel:
        stub = pb.coin_state_grpc.CoinStateServiceStub(channel)
        stream = stub.WatchCoinStates(request, metadata=ae.token_metadata(arguments.token))
        try:
            for update in stream:
                received += 1
                if update.heartbeat:
                    print(f"heartbeat #{update.sequence}", flush=True)
                elif update.snapshot:
                    print(f"snapshot #{update.sequence}: {len(update.states)} coins", flush=True)
                else:
                    print(
                        f"update #{update.sequence}: {len(update.states)} coins, {update.conflated} conflated",
                        flush=True,
                    )
                for coin in update.states:
                    print(describe(coin, pb), flush=True)
                if arguments.count and received >= arguments.count:
                    stream.cancel()
                    break
        except grpc.RpcError as error:
            if error.code() == grpc.StatusCode.CANCELLED and arguments.count and received >= arguments.count:
                return 0
            print(f"error: {error.code().name}: {error.details()}", file=sys.stderr)
            return error.code().value[0]
        except KeyboardInterrupt:
            stream.cancel()
    return 0


if __name__ == "__main__":
    sys.exit(main())
