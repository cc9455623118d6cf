import AutoEngineCore
import AutoEngineRuntime
import Hummingbird
import SwiftProtobuf

/// The Unix seconds a `google.protobuf.Timestamp` holds: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
private let timestampSeconds = -62_135_596_800.0...253_402_300_799.0

/// The query strings of the trading read routes, read into the same request messages as gRPC,
/// so that both transports share one validation (`OrderQuery(_:)`, `DecisionQuery(_:)`…).
///
/// Parameter names are accepted in lowerCamelCase (`openOnly`, as in the JSON) and snake_case
/// (`open_only`); lists are comma-separated (`status=open,partially_filled`) or repeated; enum
/// values take the contract's names or the short ones in any case.
extension Request {
  /// `GET /api/trading/orders?symbol=&status=&openOnly=&limit=&pageToken=`.
  func listOrdersRequest() throws(EngineError) -> Autoengine_V1_ListOrdersRequest {
    var message = Autoengine_V1_ListOrdersRequest()
    message.symbol = query("symbol") ?? ""
    for text in list("status", "statuses") {
      let status: OrderStatus = try ContractEnumText.parse(text, prefix: "ORDER_STATUS_", field: "status")
      message.statuses.append(.init(status))
    }
    message.openOnly = flag("openOnly") || flag("open_only")
    message.limit = try limit()
    message.pageToken = query("pageToken", "page_token") ?? ""
    return message
  }

  /// `GET /api/trading/positions?symbol=&includeClosed=`.
  func listPositionsRequest() -> Autoengine_V1_ListPositionsRequest {
    .with {
      $0.symbol = query("symbol") ?? ""
      $0.includeClosed = flag("includeClosed") || flag("include_closed")
    }
  }

  /// `GET /api/trading/trades?symbol=&outcome=&since=&limit=&pageToken=`; `since` is an RFC 3339
  /// time (`2025-01-13T22:26:51Z`) or seconds since the Unix epoch.
  func listTradesRequest() throws(EngineError) -> Autoengine_V1_ListTradesRequest {
    var message = Autoengine_V1_ListTradesRequest()
    message.symbol = query("symbol") ?? ""
    if let text = query("outcome") {
      let outcome: TradeOutcome = try ContractEnumText.parse(text, prefix: "TRADE_OUTCOME_", field: "outcome")
      message.outcome = .init(outcome)
    }
    if let text = query("since") {
      // Unix seconds only within a Timestamp's range (years 1–9999): NaN, infinities and
      // huge numbers would trap converting to its Int64 seconds.
      let seconds = Double(text).flatMap { timestampSeconds.contains($0) ? $0 : nil }
      guard let time = UTCDateTime.parseRFC3339(text) ?? seconds.map(UnixTime.init(seconds:)) else {
        throw EngineError(
          .invalidArgument,
          "since '\(text)' is neither an RFC 3339 time (2025-01-13T22:26:51Z) nor Unix seconds of the years 1–9999")
      }
      message.since = .init(time)
    }
    message.limit = try limit()
    message.pageToken = query("pageToken", "page_token") ?? ""
    return message
  }

  /// `GET /api/trading/events?symbols=&includeRefused=&heartbeat=` (heartbeat in seconds).
  func watchTradeEventsRequest() throws(EngineError) -> Autoengine_V1_WatchTradeEventsRequest {
    var message = Autoengine_V1_WatchTradeEventsRequest()
    message.symbols = list("symbols", "symbol")
    message.includeRefused = flag("includeRefused") || flag("include_refused")
    if let text = query("heartbeat", "heartbeatSeconds", "heartbeat_seconds") {
      guard let seconds = UInt32(text) else {
        throw EngineError(.invalidArgument, "heartbeat '\(text)' is not a whole number of seconds")
      }
      message.heartbeatSeconds = seconds
    }
    return message
  }

  /// The first non-empty value of the parameters `names`.
  private func query(_ names: String...) -> String? {
    for name in names {
      if let value = uri.queryParameters.get(name), !value.isEmpty { return value }
    }
    return nil
  }

  /// Every value of the parameters `names`, comma-separated or repeated, without empty ones.
  private func list(_ names: String...) -> [String] {
    var values: [String] = []
    for name in names {
      for value in uri.queryParameters.getAll(name) {
        values += value.split(separator: ",").map(String.init)
      }
    }
    return values
  }

  /// `?limit=`: 0 when absent (the server's default page size).
  private func limit() throws(EngineError) -> UInt32 {
    guard let text = query("limit") else { return 0 }
    guard let value = UInt32(text) else {
      throw EngineError(.invalidArgument, "limit '\(text)' is not a whole number: give 1–\(PageLimit.maximum)")
    }
    return value
  }
}
