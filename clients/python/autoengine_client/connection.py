"""Channels to the server and the bearer-token metadata, shared by the examples."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import grpc


def channel(server: str = "127.0.0.1:50051", tls: bool = False, ca: str | None = None) -> grpc.Channel:
    """A channel to `server` (HOST:PORT): plaintext HTTP/2, or TLS trusting `ca` (PEM) or the system roots."""
    if not tls and ca is None:
        return grpc.insecure_channel(server)
    root = Path(ca).read_bytes() if ca else None
    return grpc.secure_channel(server, grpc.ssl_channel_credentials(root_certificates=root))


def token_metadata(token: str | None) -> list[tuple[str, str]]:
    """The `authorization: Bearer <token>` metadata of state-changing calls; none without a token."""
    return [("authorization", f"Bearer {token}")] if token else []


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """--server (env AUTOENGINE_SERVER), --token (env AUTOENGINE_API_TOKEN), --tls and --ca."""
    parser.add_argument(
        "--server",
        default=os.environ.get("AUTOENGINE_SERVER", "127.0.0.1:50051"),
        help="gRPC address HOST:PORT (env AUTOENGINE_SERVER; default 127.0.0.1:50051)",
    )
    parser.add_argument(
        "--token",
        default=os.environ.get("AUTOENGINE_API_TOKEN"),
        help="the API token, sent as 'authorization: Bearer <token>' (env AUTOENGINE_API_TOKEN); "
        "state-changing calls need it, reads only when the server closes them",
    )
    parser.add_argument("--tls", action="store_true", help="connect with TLS")
    parser.add_argument("--ca", help="PEM file of the CA that signed the server's certificate (implies --tls)")


def channel_from_arguments(arguments: argparse.Namespace) -> grpc.Channel:
    """The channel the parsed common arguments describe."""
    return channel(arguments.server, tls=arguments.tls, ca=arguments.ca)
