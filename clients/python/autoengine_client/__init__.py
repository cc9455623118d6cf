"""A small Python client of the CRYPTO AUTOENGINE gRPC contract (proto/autoengine/v1).

The stubs are generated from the repository's .proto files with grpcio-tools the first time they
are needed (no generated Python is committed), cached by a hash of the .proto files, and imported
from there:

    import autoengine_client as ae
    pb = ae.stubs()                       # modules: pb.coin_state, pb.coin_state_grpc, ...
    with ae.channel("127.0.0.1:50051") as channel:
        stub = pb.coin_state_grpc.CoinStateServiceStub(channel)
        print(stub.GetCoinState(pb.coin_state.GetCoinStateRequest(symbol="BTC-USD")).price)
"""

from .connection import add_common_arguments, channel, channel_from_arguments, token_metadata
from .stubs import Stubs, generate, stubs

__all__ = [
    "Stubs",
    "add_common_arguments",
    "channel",
    "channel_from_arguments",
    "generate",
    "stubs",
    "token_metadata",
]
