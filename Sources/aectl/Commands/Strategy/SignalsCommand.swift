import ArgumentParser
import AutoEngineAPI
import SwiftProtobuf

/// `aectl signals SYMBOL`: every strategy's signal for one coin (StrategyService.GetSignals).
struct SignalsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "signals",
    abstract: "Show every strategy's signal and the aggregate for one coin.",
    discussion: """
      Strength and confidence are 0–1; REASON gives the numbers that decided each strategy. An \
      unknown symbol exits with 5 (NOT_FOUND).

      Examples:
        aectl signals BTC-USD
        aectl signals BTCUSDT -o json
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "Exchange symbol, e.g. BTC-USD or BTCUSDT.")
  var symbol: String

  func run() async throws {
    let request = Autoengine_V1_GetSignalsRequest.with { $0.symbol = symbol }
    let response = try await connection.call { client in
      try await Autoengine_V1_StrategyService.Client(wrapping: client).getSignals(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}
