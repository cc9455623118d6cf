import ArgumentParser
import AutoEngineAPI
import Foundation
import SwiftProtobuf

/// `aectl trading orders`: orders, newest first (TradingService.ListOrders).
struct OrdersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orders",
    abstract: "List orders, newest first.",
    discussion: """
      Amounts and prices are in the coin's quote asset, FILLED in the coin. The last line gives \
      the --page-token of the next page, if any.

      Examples:
        aectl trading orders --open
        aectl trading orders --symbol BTCUSDT --status filled,cancelled --limit 20
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Option(help: "Only orders of this coin.")
  var symbol: String?

  @Option(
    help:
      "Only orders in these states, comma-separated (intent, submitted, open, partially-filled, filled, cancelled, rejected, failed, expired).",
    transform: { text in
      try text.split(separator: ",").map { part in
        guard let status = OrderStatusArgument(argument: String(part)) else {
          throw ValidationError("'\(part)' is not an order status")
        }
        return status
      }
    })
  var status: [OrderStatusArgument] = []

  @Flag(help: "Only orders that are not final.")
  var open = false

  @Option(help: "Most orders to return, 1–1000 (default 100).")
  var limit: UInt32?

  @Option(help: "Continue after a previous page.")
  var pageToken: String?

  func validate() throws {
    if let limit, !(1...1000).contains(limit) { throw ValidationError("--limit must be 1–1000") }
  }

  func run() async throws {
    let request = Autoengine_V1_ListOrdersRequest.with {
      $0.symbol = symbol ?? ""
      $0.statuses = status.map(\.proto)
      $0.openOnly = open
      $0.limit = limit ?? 0
      $0.pageToken = pageToken ?? ""
    }
    let response = try await connection.call { client in
      try await Autoengine_V1_TradingService.Client(wrapping: client).listOrders(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}

/// `aectl trading positions`: positions, open first (TradingService.ListPositions).
struct PositionsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "positions",
    abstract: "List positions with entry, value, unrealised and realised P&L and exit prices.",
    discussion: """
      Prices and P&L are in the coin's quote asset; STOP, TAKE and TRAIL are the prices at \
      which the stop-loss, take-profit and trailing stop sell.

      Examples:
        aectl trading positions
        aectl trading positions --symbol BTCUSDT --closed
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Option(help: "Only this coin.")
  var symbol: String?

  @Flag(help: "Include closed positions.")
  var closed = false

  func run() async throws {
    let request = Autoengine_V1_ListPositionsRequest.with {
      $0.symbol = symbol ?? ""
      $0.includeClosed = closed
    }
    let response = try await connection.call { client in
      try await Autoengine_V1_TradingService.Client(wrapping: client).listPositions(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}

/// `aectl trading trades`: trade decisions, newest first (TradingService.ListTrades).
struct TradesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trades",
    abstract: "List trade decisions (executed, refused, failed), newest first.",
    discussion: """
      Examples:
        aectl trading trades
        aectl trading trades --outcome refused --since 2026-01-01T00:00:00Z --limit 50
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Option(help: "Only decisions for this coin.")
  var symbol: String?

  @Option(help: "Only decisions with this outcome: executed, refused or failed.")
  var outcome: OutcomeArgument?

  @Option(help: "Only decisions at or after this time: RFC 3339 (2026-01-01T00:00:00Z) or Unix seconds.")
  var since: String?

  @Option(help: "Most decisions to return, 1–1000 (default 100).")
  var limit: UInt32?

  @Option(help: "Continue after a previous page.")
  var pageToken: String?

  func validate() throws {
    if let limit, !(1...1000).contains(limit) { throw ValidationError("--limit must be 1–1000") }
    if let since, Self.timestamp(since) == nil {
      throw ValidationError("--since '\(since)' is neither RFC 3339 (2026-01-01T00:00:00Z) nor Unix seconds")
    }
  }

  func run() async throws {
    let request = Autoengine_V1_ListTradesRequest.with {
      $0.symbol = symbol ?? ""
      $0.outcome = outcome?.proto ?? .unspecified
      if let since, let time = Self.timestamp(since) { $0.since = time }
      $0.limit = limit ?? 0
      $0.pageToken = pageToken ?? ""
    }
    let response = try await connection.call { client in
      try await Autoengine_V1_TradingService.Client(wrapping: client).listTrades(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }

  /// `text` as a timestamp: RFC 3339 or Unix seconds.
  static func timestamp(_ text: String) -> Google_Protobuf_Timestamp? {
    if let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds < 253_402_300_800 {
      return Google_Protobuf_Timestamp(roundingTimeIntervalSince1970: seconds, rule: .toNearestOrAwayFromZero)
    }
    let quoted = "\"\(text.filter { $0 != "\"" && $0 != "\\" })\""
    return try? Google_Protobuf_Timestamp(jsonString: quoted)
  }
}
