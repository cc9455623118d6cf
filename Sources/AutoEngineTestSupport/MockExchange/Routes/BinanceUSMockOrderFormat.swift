import AutoEngineCore
import FoundationEssentials

/// How the mock writes Binance.US order, trade and account answers (decimals with 8 places,
/// times in ms, statuses `NEW`/`PARTIALLY_FILLED`/`FILLED`/`CANCELED`).
enum BinanceMockOrderFormat {
  static func status(_ order: MockOrder) -> String {
    switch order.status {
    case .filled: "FILLED"
    case .cancelled: "CANCELED"
    default: order.fills.isEmpty ? "NEW" : "PARTIALLY_FILLED"
    }
  }

  private static func d(_ value: Decimal) -> String { BinanceMockFormat.decimal(value) }

  private static func millis(_ time: UnixTime) -> String { String(BinanceMockFormat.millis(time)) }

  /// The members every order answer shares, from `symbol` to `side`.
  private static func core(_ order: MockOrder, clientOrderId: String) -> [(String, String)] {
    [
      ("symbol", MockJSON.string(order.symbol)), ("orderId", String(order.number)), ("orderListId", "-1"),
      ("clientOrderId", MockJSON.string(clientOrderId)),
    ]
  }

  private static func amounts(_ order: MockOrder) -> [(String, String)] {
    [
      ("price", d(order.limitPrice ?? 0)), ("origQty", d(order.quantity ?? order.executedQuantity)),
      ("executedQty", d(order.executedQuantity)), ("cummulativeQuoteQty", d(order.executedValue)),
      ("status", MockJSON.string(status(order))), ("timeInForce", MockJSON.string("GTC")),
      ("type", MockJSON.string(order.type.rawValue)), ("side", MockJSON.string(order.side.rawValue)),
    ]
  }

  /// A new-order answer of `respType` `ACK`, `RESULT` or `FULL` (the default).
  static func newOrder(_ order: MockOrder, respType: String?) -> String {
    let head = core(order, clientOrderId: order.clientOrderId) + [("transactTime", millis(order.createdAt))]
    switch respType?.uppercased() {
    case "ACK":
      return MockJSON.object(head)
    case "RESULT":
      return MockJSON.object(head + amounts(order) + [("workingTime", millis(order.createdAt))])
    default:
      let fills = order.fills.map { fill in
        MockJSON.object([
          ("price", d(fill.price)), ("qty", d(fill.quantity)), ("commission", d(fill.commission)),
          ("commissionAsset", MockJSON.string(fill.commissionAsset)), ("tradeId", String(fill.tradeId)),
        ])
      }
      return MockJSON.object(
        head + amounts(order) + [
          ("workingTime", millis(order.createdAt)), ("fills", MockJSON.array(fills)),
          ("selfTradePreventionMode", MockJSON.string("NONE")),
        ])
    }
  }

  /// A query-order (or open-orders entry) answer.
  static func query(_ order: MockOrder) -> String {
    MockJSON.object(
      core(order, clientOrderId: order.clientOrderId) + amounts(order) + [
        ("stopPrice", d(0)), ("icebergQty", d(0)), ("time", millis(order.createdAt)),
        ("updateTime", millis(order.updatedAt)), ("isWorking", "true"), ("workingTime", millis(order.createdAt)),
        ("origQuoteOrderQty", d(order.quoteQuantity ?? 0)), ("selfTradePreventionMode", MockJSON.string("NONE")),
      ])
  }

  /// A cancel answer: `origClientOrderId` is the order's, `clientOrderId` the cancel's own.
  static func cancel(_ order: MockOrder, at now: UnixTime) -> String {
    MockJSON.object(
      [("symbol", MockJSON.string(order.symbol)), ("origClientOrderId", MockJSON.string(order.clientOrderId))]
        + [("orderId", String(order.number)), ("orderListId", "-1")]
        + [("clientOrderId", MockJSON.string("cancel-\(order.number)")), ("transactTime", millis(now))]
        + amounts(order) + [("selfTradePreventionMode", MockJSON.string("NONE"))])
  }

  /// One `myTrades` entry.
  static func trade(_ fill: MockFill, of order: MockOrder) -> String {
    MockJSON.object([
      ("symbol", MockJSON.string(order.symbol)), ("id", String(fill.tradeId)), ("orderId", String(order.number)),
      ("orderListId", "-1"), ("price", d(fill.price)), ("qty", d(fill.quantity)),
      ("quoteQty", d(fill.quoteQuantity)), ("commission", d(fill.commission)),
      ("commissionAsset", MockJSON.string(fill.commissionAsset)), ("time", millis(fill.time)),
      ("isBuyer", MockJSON.bool(order.side == .buy)), ("isMaker", MockJSON.bool(fill.isMaker)),
      ("isBestMatch", "true"),
    ])
  }

  /// The `GET /api/v3/account` answer.
  static func account(_ balances: [MockBalance], at now: UnixTime) -> String {
    let entries = balances.map { balance in
      MockJSON.object([
        ("asset", MockJSON.string(balance.asset)), ("free", d(balance.free)), ("locked", d(balance.locked)),
      ])
    }
    return MockJSON.object([
      ("makerCommission", "10"), ("takerCommission", "10"), ("buyerCommission", "0"), ("sellerCommission", "0"),
      ("canTrade", "true"), ("canWithdraw", "true"), ("canDeposit", "true"), ("updateTime", millis(now)),
      ("accountType", MockJSON.string("SPOT")), ("balances", MockJSON.array(entries)),
      ("permissions", #"["SPOT"]"#),
    ])
  }
}

extension BinanceMockFormat {
  /// `time` in whole milliseconds since the epoch.
  static func millis(_ time: UnixTime) -> Int64 { Int64((time.seconds * 1000).rounded()) }

  /// The exact value of a decimal parameter (digits with at most one point), or nil.
  static func parameterDecimal(_ text: String?) -> Decimal? {
    guard let text, !text.isEmpty, text.filter({ $0 == "." }).count <= 1,
      text.allSatisfy({ $0 == "." || ("0"..."9").contains($0) }), text != "."
    else { return nil }
    return Decimal(string: text)
  }
}
