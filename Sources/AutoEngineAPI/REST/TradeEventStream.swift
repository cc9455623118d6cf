import AutoEngineCore
import AutoEngineRuntime
import Hummingbird
import NIOCore
import SwiftProtobuf

/// `GET /api/trading/events`: Server-Sent Events with the semantics of `WatchTradeEvents`.
///
/// Query: `symbols=BTCUSDT,ETH-USD` (empty: all), `includeRefused=true`, `heartbeat=15` (seconds,
/// 0 or absent: 15). The first event (`snapshot`) carries the open orders and positions; then one
/// event per trade event, named by its kind (`order`, `fill`, `decision`, `position`, `autobuy`);
/// comment lines (`: heartbeat N`) keep idle connections alive. Each event's data is the proto3
/// JSON of a `TradeEvent` on one line, and its `id:` is the per-stream sequence number
/// (heartbeats take a number too, as in gRPC). The subscription ends when the client disconnects
/// or the server shuts down.
enum TradeEventStream {
  /// The streaming response for `request`.
  static func response(for request: Request, engine: Engine) async throws -> Response {
    let watch = try request.watchTradeEventsRequest()
    let filter = try TradeEventHub.Filter(watch, catalogue: engine.catalogue)
    let heartbeat = watch.heartbeatSeconds > 0 ? Int64(watch.heartbeatSeconds) : 15
    let (id, snapshot, events) = try await engine.watchTradeEvents(filter)
    let clock = engine.clock
    var headers = HTTPFields()
    headers[.contentType] = "text/event-stream; charset=utf-8"
    headers[.cacheControl] = "no-cache"
    let body = ResponseBody { writer in
      defer { engine.unwatchTradeEvents(id) }
      try await request.body.consumeWithInboundCloseHandler { _ in
        try await writer.write(event(Autoengine_V1_TradeEvent(snapshot: snapshot, now: clock.now())))
        var sequence: UInt64 = 1
        for await delivery in HeartbeatStream.merge(events, heartbeatAfter: .seconds(heartbeat)) {
          sequence += 1
          switch delivery {
          case .element(let trade):
            try await writer.write(event(Autoengine_V1_TradeEvent(sequence: sequence, event: trade, now: clock.now())))
          case .heartbeat:
            try await writer.write(ByteBuffer(string: ": heartbeat \(sequence)\n\n"))
          }
        }
      } onInboundClosed: {
        engine.unwatchTradeEvents(id)
      }
      try await writer.finish(nil)
    }
    return Response(status: .ok, headers: headers, body: body)
  }

  /// One SSE event: `event:` (the message's kind), `id:` and a single `data:` line of JSON.
  private static func event(_ message: Autoengine_V1_TradeEvent) throws -> ByteBuffer {
    let json: String = try message.jsonString()
    return ByteBuffer(string: "event: \(message.kind)\nid: \(message.sequence)\ndata: \(json)\n\n")
  }
}
