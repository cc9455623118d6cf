"""Generates the Python stubs of proto/autoengine/v1 with grpcio-tools and imports them.

Where the .proto files are: $AUTOENGINE_PROTO_DIR, else the repository's proto/ folder (two levels
above this package). Where the stubs go: $AUTOENGINE_STUBS_DIR, else
${XDG_CACHE_HOME:-~/.cache}/autoengine-client/<hash>, where <hash> covers the .proto files and the
grpcio-tools version, so an edited contract regenerates them. Generation writes to a temporary
folder and renames it into place, so concurrent first runs do not see half-written stubs.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

#: The contract's files, relative to the proto folder.
PROTO_FILES = [
    "autoengine/v1/common.proto",
    "autoengine/v1/coin_state.proto",
    "autoengine/v1/strategies.proto",
    "autoengine/v1/system.proto",
    "autoengine/v1/trading.proto",
]


def proto_dir() -> Path:
    """The folder holding autoengine/v1/*.proto."""
    configured = os.environ.get("AUTOENGINE_PROTO_DIR")
    folder = Path(configured) if configured else Path(__file__).resolve().parents[3] / "proto"
    if not (folder / PROTO_FILES[0]).is_file():
        raise FileNotFoundError(
            f"no {PROTO_FILES[0]} under {folder}: run from a checkout of the repository or set AUTOENGINE_PROTO_DIR"
        )
    return folder


def _fingerprint(protos: Path) -> str:
    import grpc_tools  # the generator's version is part of the key

    digest = hashlib.sha256()
    digest.update(getattr(grpc_tools, "__version__", "").encode())
    try:
        from importlib.metadata import version

        digest.update(version("grpcio-tools").encode())
    except Exception:  # noqa: BLE001 - metadata is optional; the .proto hash still applies
        pass
    for name in PROTO_FILES:
        digest.update(name.encode())
        digest.update((protos / name).read_bytes())
    return digest.hexdigest()[:16]


def generate(output: Path | None = None) -> Path:
    """Generates the stubs (if not already there) and returns the folder to put on sys.path."""
    from grpc_tools import protoc

    protos = proto_dir()
    if output is None:
        configured = os.environ.get("AUTOENGINE_STUBS_DIR")
        if configured:
            output = Path(configured)
        else:
            cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
            output = cache / "autoengine-client" / _fingerprint(protos)
    if (output / "autoengine" / "v1" / "trading_pb2_grpc.py").is_file():
        return output
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".stubs-", dir=output.parent))
    try:
        # grpc_tools ships google/protobuf/*.proto (Timestamp) in its _proto folder.
        well_known = Path(protoc.__file__).resolve().parent / "_proto"
        arguments = [
            "grpc_tools.protoc",
            f"-I{protos}",
            f"-I{well_known}",
            f"--python_out={staging}",
            f"--grpc_python_out={staging}",
            *PROTO_FILES,
        ]
        status = protoc.main(arguments)
        if status != 0:
            raise RuntimeError(f"grpc_tools.protoc failed with status {status} on {protos}")
        try:
            staging.rename(output)
        except OSError:
            if not (output / "autoengine" / "v1" / "trading_pb2_grpc.py").is_file():
                raise
            # Another process finished first: its stubs are identical.
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return output


@dataclass(frozen=True)
class Stubs:
    """The generated modules: messages (`coin_state`) and services (`coin_state_grpc`) per file."""

    common: ModuleType
    coin_state: ModuleType
    coin_state_grpc: ModuleType
    strategies: ModuleType
    strategies_grpc: ModuleType
    system: ModuleType
    system_grpc: ModuleType
    trading: ModuleType
    trading_grpc: ModuleType


_loaded: Stubs | None = None


def stubs() -> Stubs:
    """Generates the stubs when needed and imports them (once per process)."""
    global _loaded
    if _loaded is None:
        folder = str(generate())
        if folder not in sys.path:
            sys.path.insert(0, folder)

        def load(name: str) -> ModuleType:
            return importlib.import_module(f"autoengine.v1.{name}")

        _loaded = Stubs(
            common=load("common_pb2"),
            coin_state=load("coin_state_pb2"),
            coin_state_grpc=load("coin_state_pb2_grpc"),
            strategies=load("strategies_pb2"),
            strategies_grpc=load("strategies_pb2_grpc"),
            system=load("system_pb2"),
            system_grpc=load("system_pb2_grpc"),
            trading=load("trading_pb2"),
            trading_grpc=load("trading_pb2_grpc"),
        )
    return _loaded
