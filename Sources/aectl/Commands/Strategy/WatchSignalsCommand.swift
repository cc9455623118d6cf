import ArgumentParser
import AutoEngineAPI
import SwiftProtobuf

/// `aectl watch-signals [SYMBOL…]`: signal changes as they happen (StrategyService.WatchSignals).
struct WatchSignalsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch-signals",
    abstract: "Follow signal changes: one line per coin whose aggregate or fired strategies change.",
    discussion: """
      Starts with a snapshot of every selected coin, then prints the coins whose signals change \
      at each engine tick. With -o ndjson (the default when stdout is not a terminal) prints \
      each stream message as one JSON line. Reconnects with backoff; Ctrl-C exits.

      Examples:
        aectl watch-signals BTC-USD
        aectl watch-signals --count 3 -o ndjson
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var stream: StreamOptions

  @Argument(help: "Exchange symbols to follow (default: every coin).")
  var symbols: [String] = []

  @Option(help: "Only coins of this exchange: coinbase or binanceus.")
  var exchange: ExchangeArgument?

  @Flag(help: "Carry every strategy's signal, not only those whose action is not HOLD.")
  var allStrategies = false

  func run() async throws {
    let request = Autoengine_V1_WatchSignalsRequest.with {
      $0.symbols = symbols
      $0.exchange = exchange?.proto ?? .unspecified
      $0.firedOnly = !allStrategies
      $0.heartbeatSeconds = stream.heartbeat
    }
    let session = StreamSession(connection: connection, options: stream)
    let open: StreamSession.Opener<Autoengine_V1_SignalsUpdate> = { client, metadata, handle in
      try await Autoengine_V1_StrategyService.Client(wrapping: client).watchSignals(
        request, metadata: metadata, onResponse: handle)
    }
    guard output.streamFormat == .table else {
      try await StreamPrinter.run(session, open: open)
      return
    }
    let style = output.style
    try await StreamPrinter.run(session, open: open) { update in
      update.lines(style).map { $0 + "\n" }.joined()
    }
  }
}
