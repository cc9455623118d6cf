import AutoEngineRuntime
import Hummingbird
import NIOCore

/// `GET /api/coinstate`: the proto3 JSON of `ListCoinStatesResponse`, assembled from each coin's
/// JSON encoded once per engine version (`CoinStateEncodings`) — byte for byte what encoding the
/// whole response per request gave, without re-encoding 40 coins per request.
struct CoinStateListing: Sendable {
  let engine: Engine
  let encodings = CoinStateEncodings(format: .json)

  /// The answer to `request` (`?symbols=A,B&exchange=coinbase`).
  func response(for request: Request) async throws -> Response {
    let (states, version) = try await engine.versionedCoinStates(try request.coinFilter())
    let parts = try encodings.list(states, at: version, asOf: engine.clock.now(), engine: engine)
    var buffer = ByteBufferAllocator().buffer(capacity: parts.reduce(0) { $0 + $1.count })
    for part in parts { buffer.writeBytes(part) }
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
  }
}
