import AutoEngineCore
import AutoEngineRuntime
import Hummingbird
import NIOCore
import SwiftProtobuf

/// `GET /api/coinstate/stream`: Server-Sent Events with the semantics of `WatchCoinStates`.
///
/// The first event (`snapshot`) carries every selected coin; then one `update` event per engine
/// tick with the coins that changed; comment lines (`: heartbeat`) keep idle connections alive
/// through proxies. Each event's data is the proto3 JSON of a `CoinStateUpdate` (with its
/// per-stream sequence number and conflation count), and its `id:` is that sequence number.
/// Each engine tick's JSON is made once for every subscriber that receives it unchanged
/// (`CoinStateUpdateJSON`). The subscription ends when the client disconnects or the server
/// shuts down.
enum CoinStateEventStream {
  /// The streaming response for `request` (`?symbols=A,B&exchange=coinbase&heartbeat=15`).
  static func response(for request: Request, engine: Engine) async throws -> Response {
    let filter = try request.coinFilter()
    // Seconds, clamped to 1 s … 1 h; not a finite number (`x`, `inf`, `nan`): the 15 s default.
    let asked = request.uri.queryParameters.get("heartbeat").flatMap(Double.init)
    let heartbeat = asked.flatMap { $0.isFinite ? min(3600, max(1, $0)) : nil } ?? 15
    let subscription = try await engine.subscribeCoinStates(filter)
    let snapshot: [CoinState]
    do {
      snapshot = try await engine.coinStates(filter)
    } catch {
      subscription.cancel()
      throw error
    }
    let clock = engine.clock
    var headers = HTTPFields()
    headers[.contentType] = "text/event-stream; charset=utf-8"
    headers[.cacheControl] = "no-cache"
    let body = ResponseBody { writer in
      do {
        try await request.body.consumeWithInboundCloseHandler { _ in
          var sequence: UInt64 = 1
          try await writer.write(
            event(
              "snapshot", sequence: sequence,
              update: .with {
                $0.sequence = sequence
                $0.snapshot = true
                $0.states = snapshot.map(engine.contract)
                $0.tickTime = .init(clock.now())
                $0.sentAt = .init(clock.now())
              }))
          while let delivery = await subscription.next(orHeartbeatAfter: heartbeat) {
            sequence += 1
            switch delivery {
            case .batch(let batch):
              let json = try CoinStateUpdateJSON.update(batch, sequence: sequence, sentAt: clock.now(), engine: engine)
              try await writer.write(event("update", sequence: sequence, json: json))
            case .heartbeat:
              try await writer.write(ByteBuffer(string: ": heartbeat \(sequence)\n\n"))
            }
          }
        } onInboundClosed: {
          subscription.cancel()
        }
      } catch {
        subscription.cancel()
        throw error
      }
      subscription.cancel()
      try await writer.finish(nil)
    }
    return Response(status: .ok, headers: headers, body: body)
  }

  /// One SSE event: `event:`, `id:` and a single `data:` line of JSON.
  private static func event(_ name: String, sequence: UInt64, update: Autoengine_V1_CoinStateUpdate) throws
    -> ByteBuffer
  {
    event(name, sequence: sequence, json: try update.jsonString())
  }

  /// One SSE event whose data is `json` (one line: swift-protobuf writes no newlines).
  private static func event(_ name: String, sequence: UInt64, json: String) -> ByteBuffer {
    ByteBuffer(string: "event: \(name)\nid: \(sequence)\ndata: \(json)\n\n")
  }
}
