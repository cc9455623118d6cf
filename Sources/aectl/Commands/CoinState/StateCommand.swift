import ArgumentParser
import AutoEngineAPI
import SwiftProtobuf

/// `aectl state [SYMBOL…]`: coin states (CoinStateService.GetCoinState for one symbol,
/// ListCoinStates otherwise).
struct StateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "state",
    abstract: "Show the live state of coins: price, 24 h change, signal, freshness, position.",
    discussion: """
      With one symbol, shows that coin in detail (GetCoinState): bid/ask, volume, the signal \
      and its top strategies, indicators, momentum, cosmic inputs, position. With none or \
      several, one row per coin (ListCoinStates). Prices are in each coin's quote asset. An \
      unknown symbol exits with 5 (NOT_FOUND).

      Examples:
        aectl state
        aectl state BTC-USD
        aectl state BTCUSDT ETH-USD --output json
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "Exchange symbols, e.g. BTC-USD or BTCUSDT (default: every coin).")
  var symbols: [String] = []

  @Option(help: "Only coins of this exchange: coinbase or binanceus.")
  var exchange: ExchangeArgument?

  func run() async throws {
    if symbols.count == 1, exchange == nil {
      let request = Autoengine_V1_GetCoinStateRequest.with { $0.symbol = symbols[0] }
      let state = try await connection.call { client in
        try await Autoengine_V1_CoinStateService.Client(wrapping: client).getCoinState(
          request, metadata: connection.metadata, options: connection.callOptions)
      }
      try output.emit(state) { $0.text($1) }
      return
    }
    let request = Autoengine_V1_ListCoinStatesRequest.with {
      $0.symbols = symbols
      $0.exchange = exchange?.proto ?? .unspecified
    }
    let response = try await connection.call { client in
      try await Autoengine_V1_CoinStateService.Client(wrapping: client).listCoinStates(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}
