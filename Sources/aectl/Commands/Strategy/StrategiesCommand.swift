import ArgumentParser
import AutoEngineAPI
import SwiftProtobuf

/// `aectl strategies`: which strategies fired per coin (StrategyService.ListSignals), or the
/// catalogue (ListStrategies) with `--catalog`.
struct StrategiesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "strategies",
    abstract: "Show which strategies fire for each coin, or the strategy catalogue.",
    discussion: """
      Without --catalog: one row per coin with its aggregated action, confidence and strength \
      (0–1), score (−1…1), the strategies' votes and those that fired (ListSignals). With \
      --all-strategies the JSON carries every strategy's signal, not only those that fired.
      With --catalog: the strategies P1…P70 with their category, weight and rule \
      (ListStrategies).

      Examples:
        aectl strategies
        aectl strategies --symbol BTC-USD --symbol BTCUSDT
        aectl strategies --catalog --category cosmic
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Option(help: "Only this coin (repeatable).")
  var symbol: [String] = []

  @Option(help: "Only coins of this exchange: coinbase or binanceus.")
  var exchange: ExchangeArgument?

  @Flag(help: "Carry every strategy's signal, not only those whose action is not HOLD.")
  var allStrategies = false

  @Flag(help: "Show the strategy catalogue instead of the signals.")
  var catalog = false

  @Option(help: "With --catalog: only this category (price, volume, technical, momentum, volatility, cosmic).")
  var category: CategoryArgument?

  func validate() throws {
    if category != nil, !catalog { throw ValidationError("--category needs --catalog") }
    if catalog, !symbol.isEmpty || exchange != nil || allStrategies {
      throw ValidationError("--catalog lists strategies, not coins: drop --symbol, --exchange and --all-strategies")
    }
  }

  func run() async throws {
    if catalog {
      let request = Autoengine_V1_ListStrategiesRequest.with { $0.category = category?.proto ?? .unspecified }
      let response = try await connection.call { client in
        try await Autoengine_V1_StrategyService.Client(wrapping: client).listStrategies(
          request, metadata: connection.metadata, options: connection.callOptions)
      }
      try output.emit(response) { $0.text($1) }
      return
    }
    let request = Autoengine_V1_ListSignalsRequest.with {
      $0.symbols = symbol
      $0.exchange = exchange?.proto ?? .unspecified
      $0.firedOnly = !allStrategies
    }
    let response = try await connection.call { client in
      try await Autoengine_V1_StrategyService.Client(wrapping: client).listSignals(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}
