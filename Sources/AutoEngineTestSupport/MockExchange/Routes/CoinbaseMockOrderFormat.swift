import AutoEngineCore
import FoundationEssentials

/// How the mock writes Coinbase order, fill and account answers (numbers as strings, times
/// RFC 3339, statuses `OPEN`/`FILLED`/`CANCELLED`).
enum CoinbaseMockOrderFormat {
  /// `{"success":false,"error_response":{…}}` (HTTP 200, as Coinbase answers a refused order).
  static func createFailure(error: String, message: String, reason: String, preview: String? = nil) -> MockResponse {
    .json(
      MockJSON.object([
        ("success", "false"), ("failure_reason", MockJSON.string("UNKNOWN_FAILURE_REASON")),
        ("order_id", MockJSON.string("")),
        (
          "error_response",
          MockJSON.object([
            ("error", MockJSON.string(error)), ("message", MockJSON.string(message)),
            ("error_details", MockJSON.string(message)),
            ("preview_failure_reason", MockJSON.string(preview ?? "UNKNOWN_PREVIEW_FAILURE_REASON")),
            ("new_order_failure_reason", MockJSON.string(reason)),
          ])
        ),
        ("order_configuration", "null"),
      ]))
  }

  /// `{"success":true,"success_response":{…}}`.
  static func createSuccess(_ order: MockOrder) -> MockResponse {
    .json(
      MockJSON.object([
        ("success", "true"), ("failure_reason", MockJSON.string("UNKNOWN_FAILURE_REASON")),
        ("order_id", MockJSON.string(order.orderId)),
        (
          "success_response",
          MockJSON.object([
            ("order_id", MockJSON.string(order.orderId)), ("product_id", MockJSON.string(order.symbol)),
            ("side", MockJSON.string(order.side.rawValue)), ("client_order_id", MockJSON.string(order.clientOrderId)),
          ])
        ),
        ("order_configuration", configuration(order)),
      ]))
  }

  static func status(_ order: MockOrder) -> String {
    switch order.status {
    case .filled: "FILLED"
    case .cancelled: "CANCELLED"
    default: "OPEN"
    }
  }

  static func configuration(_ order: MockOrder) -> String {
    if order.type == .limit {
      return MockJSON.object([
        (
          "limit_limit_gtc",
          MockJSON.object([
            ("base_size", MockJSON.decimal(order.quantity ?? 0)),
            ("limit_price", MockJSON.decimal(order.limitPrice ?? 0)),
            ("post_only", "false"),
          ])
        )
      ])
    }
    let size =
      order.quoteQuantity.map { ("quote_size", MockJSON.decimal($0)) } ?? (
        "base_size", MockJSON.decimal(order.quantity ?? 0)
      )
    return MockJSON.object([("market_market_ioc", MockJSON.object([size]))])
  }

  /// One order record (`GET /orders/historical/{id}`, `/historical/batch`).
  static func order(_ order: MockOrder) -> String {
    let ordered = order.quantity ?? order.executedQuantity
    let completion = ordered > 0 ? order.executedQuantity / ordered * 100 : (order.status == .filled ? 100 : 0)
    return MockJSON.object([
      ("order_id", MockJSON.string(order.orderId)), ("product_id", MockJSON.string(order.symbol)),
      ("user_id", MockJSON.string("mock-user")), ("order_configuration", configuration(order)),
      ("side", MockJSON.string(order.side.rawValue)), ("client_order_id", MockJSON.string(order.clientOrderId)),
      ("status", MockJSON.string(status(order))),
      ("time_in_force", MockJSON.string(order.type == .limit ? "GOOD_UNTIL_CANCELLED" : "IMMEDIATE_OR_CANCEL")),
      ("created_time", MockJSON.string(MockJSON.isoTime(order.createdAt))),
      ("completion_percentage", MockJSON.decimal(completion.roundedDown(toPlaces: 2))),
      ("filled_size", MockJSON.decimal(order.executedQuantity)),
      ("average_filled_price", MockJSON.decimal(order.averagePrice ?? 0)), ("fee", MockJSON.string("")),
      ("number_of_fills", MockJSON.string(String(order.fills.count))),
      ("filled_value", MockJSON.decimal(order.executedValue)), ("pending_cancel", "false"),
      ("size_in_quote", MockJSON.bool(order.quoteQuantity != nil)), ("total_fees", MockJSON.decimal(order.commission)),
      ("size_inclusive_of_fees", "false"),
      ("total_value_after_fees", MockJSON.decimal(order.executedValue + order.commission)),
      ("trigger_status", MockJSON.string("INVALID_ORDER_TYPE")), ("order_type", MockJSON.string(order.type.rawValue)),
      ("reject_reason", MockJSON.string("")), ("settled", MockJSON.bool(order.status.isFinal)),
      ("product_type", MockJSON.string("SPOT")), ("reject_message", MockJSON.string("")),
      ("cancel_message", MockJSON.string(order.status == .cancelled ? "User requested cancel" : "")),
      ("order_placement_source", MockJSON.string("RETAIL_ADVANCED")),
      ("outstanding_hold_amount", MockJSON.decimal(order.held)), ("is_liquidation", "false"),
      ("last_fill_time", order.fills.last.map { MockJSON.string(MockJSON.isoTime($0.time)) } ?? "null"),
    ])
  }

  /// One fill (`GET /orders/historical/fills`).
  static func fill(_ fill: MockFill, of order: MockOrder) -> String {
    MockJSON.object([
      ("entry_id", MockJSON.string("entry-\(fill.tradeId)")), ("trade_id", MockJSON.string(tradeId(fill))),
      ("order_id", MockJSON.string(order.orderId)), ("trade_time", MockJSON.string(MockJSON.isoTime(fill.time))),
      ("trade_type", MockJSON.string("FILL")), ("price", MockJSON.decimal(fill.price)),
      ("size", MockJSON.decimal(fill.quantity)), ("commission", MockJSON.decimal(fill.commission)),
      ("product_id", MockJSON.string(order.symbol)),
      ("sequence_timestamp", MockJSON.string(MockJSON.isoTime(fill.time))),
      ("liquidity_indicator", MockJSON.string(fill.isMaker ? "MAKER" : "TAKER")), ("size_in_quote", "false"),
      ("user_id", MockJSON.string("mock-user")), ("side", MockJSON.string(order.side.rawValue)),
    ])
  }

  /// The trade id of `fill` as Coinbase writes ids (UUID-shaped).
  static func tradeId(_ fill: MockFill) -> String { "trade-" + MockOrderBook.uuid(fill.tradeId) }

  /// One account (`GET /accounts`).
  static func account(_ balance: MockBalance) -> String {
    let fiat = ["USD", "EUR", "GBP"].contains(balance.asset)
    return MockJSON.object([
      ("uuid", MockJSON.string("account-" + balance.asset)), ("name", MockJSON.string("\(balance.asset) Wallet")),
      ("currency", MockJSON.string(balance.asset)),
      (
        "available_balance",
        MockJSON.object([("value", MockJSON.decimal(balance.free)), ("currency", MockJSON.string(balance.asset))])
      ),
      ("default", "false"), ("active", "true"), ("created_at", MockJSON.string("2024-01-01T00:00:00Z")),
      ("updated_at", MockJSON.string("2024-01-01T00:00:00Z")), ("deleted_at", "null"),
      ("type", MockJSON.string(fiat ? "ACCOUNT_TYPE_FIAT" : "ACCOUNT_TYPE_CRYPTO")), ("ready", "true"),
      (
        "hold",
        MockJSON.object([("value", MockJSON.decimal(balance.locked)), ("currency", MockJSON.string(balance.asset))])
      ),
      ("retail_portfolio_id", MockJSON.string("mock-portfolio")),
    ])
  }

  /// `401` with Coinbase's error body.
  static func unauthenticated(_ why: String) -> MockResponse {
    .json(
      MockJSON.object([
        ("error", MockJSON.string("UNAUTHENTICATED")), ("error_details", MockJSON.string(why)),
        ("message", MockJSON.string(why)),
      ]), status: 401)
  }
}
