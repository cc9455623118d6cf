#!/usr/bin/env python3
"""Starts or stops autobuy, or shows the trading state (TradingService).

start and stop change state and need the server's API token, sent as the gRPC metadata
`authorization: Bearer <token>`; it comes from --token or the environment (AUTOENGINE_API_TOKEN).

    AUTOENGINE_API_TOKEN=dev-token python clients/python/examples/autobuy.py start
    python clients/python/examples/autobuy.py status
    python clients/python/examples/autobuy.py stop --token dev-token

Prints the server's answer (e.g. `autobuy started (paper mode)`); on an error prints
`error: UNAUTHENTICATED: …` on stderr and exits with the gRPC status code (16).
"""

import argparse
import sys

import _path  # noqa: F401  (clients/python on sys.path)
import grpc

import autoengine_client as ae


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ae.add_common_arguments(parser)
    parser.add_argument("command", choices=["start", "stop", "status"])
    arguments = parser.parse_args()
    pb = ae.stubs()
    metadata = ae.token_metadata(arguments.token)
    with ae.channel_from_arguments(arguments) as channel:
        stub = pb.trading_grpc.TradingServiceStub(channel)
        try:
            if arguments.command == "start":
                answer = stub.StartAutobuy(pb.trading.StartAutobuyRequest(), metadata=metadata, timeout=10)
                print(f"{answer.message} (running: {answer.autobuy_running}, changed: {answer.changed})")
            elif arguments.command == "stop":
                answer = stub.StopAutobuy(pb.trading.StopAutobuyRequest(), metadata=metadata, timeout=10)
                print(f"{answer.message} (running: {answer.autobuy_running}, changed: {answer.changed})")
            else:
                info = stub.GetTradingInfo(pb.trading.GetTradingInfoRequest(), metadata=metadata, timeout=10)
                mode = pb.trading.TradingMode.Name(info.mode).removeprefix("TRADING_MODE_").lower()
                print(f"autobuy running: {info.autobuy_running}")
                print(f"mode: {mode}, broker: {info.broker}")
                print(f"positions: {len(info.positions)}, open orders: {len(info.open_orders)}")
                print(
                    f"trades: {info.totals.trades_succeeded} filled, {info.totals.trades_refused} refused, "
                    f"{info.totals.trades_failed} failed; realised P&L {info.totals.realized_pnl or '0'}"
                )
        except grpc.RpcError as error:
            print(f"error: {error.code().name}: {error.details()}", file=sys.stderr)
            return error.code().value[0]
    return 0


if __name__ == "__main__":
    sys.exit(main())
