import ArgumentParser
import AutoEngineAPI

/// `aectl trading …`: the TradingService.
struct TradingCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trading",
    abstract: "Trading: autobuy, manual orders, orders, positions, trade decisions and their events.",
    discussion: """
      Commands that change state (start, stop, order, cancel, cancel-all) need the server's API \
      token: --token or AECTL_TOKEN (the server reads AUTOENGINE_API_TOKEN). Without it they \
      exit with 16 (UNAUTHENTICATED).

      Example:
        AECTL_TOKEN=secret aectl trading order --symbol BTCUSDT --side buy --quote 10
      """,
    subcommands: [
      TradingInfoCommand.self, StartAutobuyCommand.self, StopAutobuyCommand.self, PlaceOrderCommand.self,
      OrdersCommand.self, PositionsCommand.self, TradesCommand.self, CancelOrdersCommand.self,
      CancelAllOrdersCommand.self, TradingWatchCommand.self,
    ])
}

/// `aectl trading info`: mode, statistics, balances, positions, open orders and rules
/// (TradingService.GetTradingInfo).
struct TradingInfoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info",
    abstract: "Show trading mode, autobuy, statistics, balances, positions, open orders and risk rules.",
    discussion: """
      Amounts are in each coin's quote asset (USD or USDT); totals add the quote assets up.

      Example:
        aectl trading info
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let response = try await connection.call { client in
      try await Autoengine_V1_TradingService.Client(wrapping: client).getTradingInfo(
        Autoengine_V1_GetTradingInfoRequest(), metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}

/// `aectl trading start`: starts autobuy (TradingService.StartAutobuy).
struct StartAutobuyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Start autobuy: the engine may buy and sell under the risk rules (needs the token).",
    discussion: """
      Example:
        AECTL_TOKEN=secret aectl trading start
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let response = try await connection.call { client in
      try await Autoengine_V1_TradingService.Client(wrapping: client).startAutobuy(
        Autoengine_V1_StartAutobuyRequest(), metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}

/// `aectl trading stop`: stops autobuy (TradingService.StopAutobuy).
struct StopAutobuyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stop",
    abstract: "Stop autobuy: no new automatic orders; open orders and positions stay (needs the token).",
    discussion: """
      Example:
        AECTL_TOKEN=secret aectl trading stop
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let response = try await connection.call { client in
      try await Autoengine_V1_TradingService.Client(wrapping: client).stopAutobuy(
        Autoengine_V1_StopAutobuyRequest(), metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}
