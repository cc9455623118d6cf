import ArgumentParser
import AutoEngineAPI
import SwiftProtobuf

/// `aectl watch [SYMBOL…]`: the live coin table (CoinStateService.WatchCoinStates).
struct WatchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Watch coins live: a table redrawn in place as the server pushes changes.",
    discussion: """
      Shows price, 24 h change, the aggregated action with its confidence and strength, whether \
      the data are stale, and the position, with a status line (connection, last sequence \
      number, updates conflated by the server). When stdout is not a terminal (or with -o \
      ndjson) prints each stream message as one JSON line instead. Reconnects with backoff \
      when the server restarts; Ctrl-C exits.

      Examples:
        aectl watch
        aectl watch BTC-USD ETH-USD
        aectl watch --count 2 -o ndjson | jq .sequence
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var stream: StreamOptions

  @Argument(help: "Exchange symbols to watch (default: every coin).")
  var symbols: [String] = []

  @Option(help: "Only coins of this exchange: coinbase or binanceus.")
  var exchange: ExchangeArgument?

  func run() async throws {
    let request = Autoengine_V1_WatchCoinStatesRequest.with {
      $0.symbols = symbols
      $0.exchange = exchange?.proto ?? .unspecified
      $0.heartbeatSeconds = stream.heartbeat
    }
    let session = StreamSession(connection: connection, options: stream)
    let open: StreamSession.Opener<Autoengine_V1_CoinStateUpdate> = { client, metadata, handle in
      try await Autoengine_V1_CoinStateService.Client(wrapping: client).watchCoinStates(
        request, metadata: metadata, onResponse: handle)
    }
    guard output.streamFormat == .table else {
      try await StreamPrinter.run(session, open: open)
      return
    }
    let board = CoinBoard(server: connection.address)
    let style = output.style
    LiveScreen.open()
    defer { LiveScreen.close() }
    LiveScreen.draw(board.lines(style))
    let positions = StreamSession(connection: connection, reconnects: !stream.noReconnect, limit: nil)
    _ = try await Interruption.cancellingOnSignals {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          try await session.run(
            open: open,
            onEvent: { event in
              board.note(event)
              LiveScreen.draw(board.lines(style))
            },
            onMessage: { update in
              board.apply(update)
              LiveScreen.draw(board.lines(style))
            })
        }
        group.addTask {
          // Positions are a bonus: without a trading desk the column stays empty, silently.
          try? await positions.follow(
            open: Self.tradeEvents, onEvent: { _ in },
            onMessage: { event in
              board.apply(event)
              LiveScreen.draw(board.lines(style))
            })
          try await Task.sleep(for: .seconds(86_400 * 365))
        }
        try await group.next()
        group.cancelAll()
      }
    }
  }

  /// Opens WatchTradeEvents for the positions column.
  private static let tradeEvents: StreamSession.Opener<Autoengine_V1_TradeEvent> = { client, metadata, handle in
    try await Autoengine_V1_TradingService.Client(wrapping: client).watchTradeEvents(
      Autoengine_V1_WatchTradeEventsRequest(), metadata: metadata, onResponse: handle)
  }
}
