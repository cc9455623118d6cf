public import FoundationEssentials

/// An order and the fills it has received: the unit the trade journal keeps.
///
/// Invariants: `filledBase`, `filledQuote` and `fees` are the sums of `fills` (fees counted in
/// quote units only when charged in the quote asset); `apply(_:)` keeps them so and ignores a
/// fill it already holds. A `clientOrderId` is generated before the order is sent and never reused.
public struct Order: Hashable, Sendable {
  /// Client order id, journalled before the order is sent; unique. At most 36 characters of
  /// `[A-Za-z0-9_-]` (what both exchanges accept).
  public var clientOrderId: String
  /// The exchange's order id once it accepted the order (paper: a local id).
  public var exchangeOrderId: String?
  /// Exchange symbol, e.g. `BTCUSDT`.
  public var symbol: String
  /// Exchange of the order.
  public var exchange: Exchange
  /// The asset bought or sold, e.g. `BTC`.
  public var baseAsset: String
  /// The asset paid or received, e.g. `USDT`; fees charged in it count in `fees`.
  public var quoteAsset: String
  /// Buy or sell.
  public var side: OrderSide
  /// Market or limit.
  public var type: OrderType
  /// Lifecycle state.
  public var status: OrderStatus
  /// Requested amount.
  public var amount: OrderAmount
  /// Limit price, quote units per base unit; nil for market orders.
  public var limitPrice: Decimal?
  /// Filled quantity, base units (sum of the fills).
  public var filledBase: Decimal
  /// Filled value, quote units (sum of the fills).
  public var filledQuote: Decimal
  /// Fees paid in the quote asset (sum of the fills' quote-asset fees).
  public var fees: Decimal
  /// Who placed the order.
  public var origin: OrderOrigin
  /// Why it was placed, e.g. `BUY signal: strength 0.71, confidence 0.82`.
  public var reason: String
  /// Why it was rejected or failed; nil otherwise.
  public var failureReason: String?
  /// When the intent was journalled.
  public var createdAt: UnixTime
  /// When the order last changed.
  public var updatedAt: UnixTime
  /// Paper or live.
  public var mode: TradingMode
  /// Fills, oldest first.
  public private(set) var fills: [Fill]

  /// Creates an order in the `intent` state with nothing filled.
  public init(
    clientOrderId: String, symbol: String, exchange: Exchange, baseAsset: String, quoteAsset: String,
    side: OrderSide, type: OrderType = .market, amount: OrderAmount, limitPrice: Decimal? = nil, origin: OrderOrigin,
    reason: String, createdAt: UnixTime,
    mode: TradingMode
  ) {
    self.clientOrderId = clientOrderId
    self.symbol = symbol
    self.exchange = exchange
    self.baseAsset = baseAsset
    self.quoteAsset = quoteAsset
    self.side = side
    self.type = type
    self.status = .intent
    self.amount = amount
    self.limitPrice = limitPrice
    self.filledBase = 0
    self.filledQuote = 0
    self.fees = 0
    self.origin = origin
    self.reason = reason
    self.createdAt = createdAt
    self.updatedAt = createdAt
    self.mode = mode
    self.fills = []
  }

  /// Average fill price, quote units per base unit; nil before the first fill.
  public var averageFillPrice: Decimal? {
    filledBase > 0 ? filledQuote / filledBase : nil
  }

  /// Creates an order for `coin` in the `intent` state with nothing filled.
  public init(
    clientOrderId: String, coin: Coin, side: OrderSide, type: OrderType = .market, amount: OrderAmount,
    limitPrice: Decimal? = nil, origin: OrderOrigin, reason: String, createdAt: UnixTime, mode: TradingMode
  ) {
    self.init(
      clientOrderId: clientOrderId, symbol: coin.symbol, exchange: coin.exchange, baseAsset: coin.base,
      quoteAsset: coin.quote, side: side, type: type, amount: amount, limitPrice: limitPrice, origin: origin,
      reason: reason, createdAt: createdAt, mode: mode)
  }

  /// Adds a fill unless one with the same trade id is already held; returns whether it was added.
  /// A fee charged in the quote asset counts in `fees`.
  @discardableResult
  public mutating func apply(_ fill: Fill) -> Bool {
    guard fill.clientOrderId == clientOrderId, !fills.contains(where: { $0.tradeId == fill.tradeId }) else {
      return false
    }
    fills.append(fill)
    filledBase += fill.baseQuantity
    filledQuote += fill.quoteQuantity
    if fill.feeAsset.uppercased() == quoteAsset.uppercased() { fees += fill.fee }
    updatedAt = Swift.max(updatedAt, fill.time)
    return true
  }

  /// Replaces the fills with `fills` and recomputes the sums — how the journal rebuilds an order
  /// it reads back. `updatedAt` is kept.
  public mutating func setFills(_ fills: [Fill]) {
    let updated = updatedAt
    self.fills = []
    filledBase = 0
    filledQuote = 0
    fees = 0
    for fill in fills.sorted(by: { $0.time < $1.time }) { apply(fill) }
    updatedAt = updated
  }
}
