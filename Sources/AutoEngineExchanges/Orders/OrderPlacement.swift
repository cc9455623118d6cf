public import AutoEngineCore
public import FoundationEssentials

/// A new order as the order clients send it: what to trade, how much, at what price, under
/// which client order id.
///
/// Amounts are exact decimals before the exchange's rounding: `amount` in quote or base units,
/// `limitPrice` and `referencePrice` in quote units per base unit. The clients round them to
/// the symbol's rules (`SymbolOrderRules.prepare(_:)`) and refuse the order locally when the
/// rounded order breaks a rule.
public struct OrderPlacement: Hashable, Sendable {
  /// Client order id: 1–36 characters of `[A-Za-z0-9_-]` (what both exchanges accept).
  public var clientOrderId: String
  /// Exchange symbol: `BTCUSDT` (Binance.US) or `BTC-USD` (Coinbase).
  public var symbol: String
  /// Buy or sell.
  public var side: OrderSide
  /// Market (immediate-or-cancel) or limit (good till cancelled).
  public var type: OrderType
  /// How much: quote units to spend or receive, or base units to trade; > 0.
  public var amount: OrderAmount
  /// Limit price, quote units per base unit (> 0); required for limit orders, ignored otherwise.
  public var limitPrice: Decimal?
  /// A recent price, quote units per base unit, used to check a market order's notional bounds
  /// before sending; nil lets the client read the exchange's last price when a rule needs one.
  public var referencePrice: Decimal?

  /// Creates a placement.
  public init(
    clientOrderId: String, symbol: String, side: OrderSide, type: OrderType, amount: OrderAmount,
    limitPrice: Decimal? = nil, referencePrice: Decimal? = nil
  ) {
    self.clientOrderId = clientOrderId
    self.symbol = symbol
    self.side = side
    self.type = type
    self.amount = amount
    self.limitPrice = limitPrice
    self.referencePrice = referencePrice
  }

  /// The placement of `order` (its client order id, symbol, side, type, amount and limit price).
  public init(_ order: Order, referencePrice: Decimal? = nil) {
    self.init(
      clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side, type: order.type,
      amount: order.amount, limitPrice: order.limitPrice, referencePrice: referencePrice)
  }

  /// What is wrong with the placement before any rule of the exchange applies, or nil.
  public var problem: String? {
    if !Self.isValidClientOrderId(clientOrderId) {
      return "client order id \"\(clientOrderId.prefix(40))\" is not 1–36 characters of [A-Za-z0-9_-]"
    }
    if symbol.isEmpty { return "symbol is empty" }
    switch amount {
    case .quote(let value), .base(let value):
      if value <= 0 { return "amount \(amount) is not positive" }
    }
    if type == .limit {
      guard let limitPrice else { return "a limit order needs a limit price" }
      if limitPrice <= 0 { return "limit price \(limitPrice) is not positive" }
    }
    if let referencePrice, referencePrice <= 0 { return "reference price \(referencePrice) is not positive" }
    return nil
  }

  /// Whether `id` is 1–36 characters of `[A-Za-z0-9_-]`.
  public static func isValidClientOrderId(_ id: String) -> Bool {
    (1...36).contains(id.utf8.count)
      && id.utf8.allSatisfy { byte in
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
          || byte == UInt8(ascii: "-")
      }
  }
}
