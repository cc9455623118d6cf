#!/usr/bin/env python3
"""Prints the strategy signals of coins (StrategyService.GetSignals / ListSignals).

One line per coin with the aggregate (action, strength, confidence, score and the vote counts),
then one indented line per strategy that fired (action other than HOLD) with its reason:

    BTC-USD  HOLD strength 0.10 confidence 0.05 score +0.012 (buy 2, sell 1, hold 67)
      P12 BUY   Support bounce: price 67012.34 within 0.5 % of support 66990.10

    python clients/python/examples/print_signals.py BTC-USD ETHUSDT
    python clients/python/examples/print_signals.py            # every coin
"""

import argparse
import sys

import _path  # noqa: F401  (clients/python on sys.path)
import grpc

import autoengine_client as ae


def print_coin(coin, pb) -> None:
    aggregate = coin.aggregate
    action = pb.common.Action.Name(aggregate.action).removeprefix("ACTION_") if aggregate.action else "-"
    print(
        f"{coin.symbol:<10} {action} strength {aggregate.strength:.2f} confidence {aggregate.confidence:.2f} "
        f"score {aggregate.score:+.3f} (buy {aggregate.buy_count}, sell {aggregate.sell_count}, "
        f"hold {aggregate.hold_count})"
    )
    for signal in coin.signals:
        if signal.action in (pb.common.ACTION_BUY, pb.common.ACTION_SELL):
            name = pb.common.Action.Name(signal.action).removeprefix("ACTION_")
            print(f"  {signal.strategy_id:<4} {name:<5} {signal.name}: {signal.reason}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ae.add_common_arguments(parser)
    parser.add_argument("symbols", nargs="*", help="coins to show; every coin when none")
    arguments = parser.parse_args()
    pb = ae.stubs()
    metadata = ae.token_metadata(arguments.token)
    with ae.channel_from_arguments(arguments) as channel:
        stub = pb.strategies_grpc.StrategyServiceStub(channel)
        try:
            if len(arguments.symbols) == 1:
                coins = [stub.GetSignals(
                    pb.strategies.GetSignalsRequest(symbol=arguments.symbols[0]), metadata=metadata, timeout=10
                )]
            else:
                request = pb.strategies.ListSignalsRequest(symbols=arguments.symbols, fired_only=True)
                coins = stub.ListSignals(request, metadata=metadata, timeout=10).coins
        except grpc.RpcError as error:
            print(f"error: {error.code().name}: {error.details()}", file=sys.stderr)
            return error.code().value[0]
    for coin in coins:
        print_coin(coin, pb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
