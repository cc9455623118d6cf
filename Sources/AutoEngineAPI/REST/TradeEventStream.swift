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
/// or the server shuts down. The messages come from the server's `EngineControl`, so a replica
/// relays the engine's stream.
enum TradeEventStream {
  /// The streaming response for `request`; a refused request fails before the response starts.
  static func response(for request: Request, control: any EngineControl) async throws -> Response {
    let watch = try await control.watchTradeEvents(try request.watchTradeEventsRequest(), caller: Caller(request))
    var headers = HTTPFields()
    headers[.contentType] = "text/event-stream; charset=utf-8"
    headers[.cacheControl] = "no-cache"
    let body = ResponseBody { writer in
      defer { watch.cancel() }
      try await request.body.consumeWithInboundCloseHandler { _ in
        try await writer.write(event(watch.snapshot))
        for try await message in watch.messages {
          if case .heartbeat = message.event {
            try await writer.write(ByteBuffer(string: ": heartbeat \(message.sequence)\n\n"))
          } else {
            try await writer.write(event(message))
          }
        }
      } onInboundClosed: {
        watch.cancel()
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
