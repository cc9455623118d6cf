import ArgumentParser
import AutoEngineAPI
import SwiftProtobuf

/// `aectl trading watch`: trade events as they happen (TradingService.WatchTradeEvents).
struct TradingWatchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Follow trade events: orders, fills, decisions, positions and autobuy changes.",
    discussion: """
      Starts with a snapshot (open orders, positions, autobuy), then one line per event. With \
      -o ndjson (the default when stdout is not a terminal) prints each event as one JSON line. \
      Reconnects with backoff; Ctrl-C exits.

      Examples:
        aectl trading watch
        aectl trading watch BTCUSDT --include-refused --count 10 -o ndjson
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var stream: StreamOptions

  @Argument(help: "Only events of these coins (default: every coin).")
  var symbols: [String] = []

  @Flag(help: "Also show decisions refused by the rules (they can be frequent).")
  var includeRefused = false

  func run() async throws {
    let request = Autoengine_V1_WatchTradeEventsRequest.with {
      $0.symbols = symbols
      $0.includeRefused = includeRefused
      $0.heartbeatSeconds = stream.heartbeat
    }
    let session = StreamSession(connection: connection, options: stream)
    let open: StreamSession.Opener<Autoengine_V1_TradeEvent> = { client, metadata, handle in
      try await Autoengine_V1_TradingService.Client(wrapping: client).watchTradeEvents(
        request, metadata: metadata, onResponse: handle)
    }
    guard output.streamFormat == .table else {
      try await StreamPrinter.run(session, open: open)
      return
    }
    let style = output.style
    try await StreamPrinter.run(session, open: open) { event in event.line(style) + "\n" }
  }
}
