import ArgumentParser
import AutoEngineAPI
import SwiftProtobuf

/// `aectl coins`: the configured coins (CoinStateService.ListCoins).
struct CoinsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coins",
    abstract: "List the configured coins with their exchange, order limits and availability.",
    discussion: """
      Order limits are in the coin's quote asset. AVAILABILITY says whether the exchange lists \
      the symbol (SUCCESSOR: the configured successor is traded instead).

      Examples:
        aectl coins
        aectl coins --exchange binanceus --enabled-only -o json
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Option(help: "Only coins of this exchange: coinbase or binanceus.")
  var exchange: ExchangeArgument?

  @Flag(help: "Only enabled coins.")
  var enabledOnly = false

  func run() async throws {
    let request = Autoengine_V1_ListCoinsRequest.with {
      $0.exchange = exchange?.proto ?? .unspecified
      $0.enabledOnly = enabledOnly
    }
    let response = try await connection.call { client in
      try await Autoengine_V1_CoinStateService.Client(wrapping: client).listCoins(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}
