import ArgumentParser
import AutoEngineAPI
import SwiftProtobuf

/// `aectl trading cancel SYMBOL`: cancels a coin's open orders (TradingService.CancelOrders).
struct CancelOrdersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cancel",
    abstract: "Cancel every open order of one coin (needs the token).",
    discussion: """
      An unknown symbol exits with 5 (NOT_FOUND).

      Example:
        aectl trading cancel BTCUSDT
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Argument(help: "Exchange symbol whose open orders to cancel.")
  var symbol: String

  func run() async throws {
    let request = Autoengine_V1_CancelOrdersRequest.with { $0.symbol = symbol }
    let response = try await connection.call { client in
      try await Autoengine_V1_TradingService.Client(wrapping: client).cancelOrders(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}

/// `aectl trading cancel-all`: cancels every open order (TradingService.CancelAllOrders).
struct CancelAllOrdersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cancel-all",
    abstract: "Cancel every open order of every coin (needs the token).",
    discussion: """
      Example:
        aectl trading cancel-all
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let response = try await connection.call { client in
      try await Autoengine_V1_TradingService.Client(wrapping: client).cancelAllOrders(
        Autoengine_V1_CancelAllOrdersRequest(), metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}
