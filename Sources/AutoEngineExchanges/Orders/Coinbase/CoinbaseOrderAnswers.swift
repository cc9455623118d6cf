public import AutoEngineCore
public import FoundationEssentials

/// Coinbase's acknowledgement of a new order (`success_response`).
public struct CoinbaseOrderAcceptance: Hashable, Sendable {
  /// The exchange's order id.
  public var orderId: String
  /// The client order id sent.
  public var clientOrderId: String
  /// Product, e.g. `BTC-USD`.
  public var productId: String
}

/// An order as `GET /orders/historical/{id}` and `/orders/historical/batch` report it.
///
/// Sizes are base units, values and fees quote units, prices quote per base.
public struct CoinbaseOrderRecord: Hashable, Sendable {
  /// The exchange's order id.
  public var orderId: String
  /// Product, e.g. `BTC-USD`.
  public var productId: String
  /// The client order id.
  public var clientOrderId: String
  /// `BUY` or `SELL`.
  public var side: String
  /// `PENDING`, `OPEN`, `FILLED`, `CANCELLED`, `EXPIRED`, `FAILED`, `QUEUED`, `CANCEL_QUEUED`, …
  public var status: String
  /// Quantity filled, base units.
  public var filledSize: Decimal
  /// Value filled, quote units.
  public var filledValue: Decimal
  /// Average fill price; nil before the first fill.
  public var averageFilledPrice: Decimal?
  /// Number of fills so far.
  public var numberOfFills: Int
  /// Fees so far, quote units.
  public var totalFees: Decimal
  /// Why it failed, was rejected or cancelled (`reject_reason`, `reject_message`,
  /// `cancel_message`); nil when none is given.
  public var reason: String?
  /// When it was created.
  public var createdTime: UnixTime?
}

/// One fill (`GET /orders/historical/fills`).
public struct CoinbaseFill: Hashable, Sendable {
  /// Trade id.
  public var tradeId: String
  /// The order filled.
  public var orderId: String
  /// Product, e.g. `BTC-USD`.
  public var productId: String
  /// Execution price, quote per base.
  public var price: Decimal
  /// Executed size: base units, or quote units when `sizeInQuote`.
  public var size: Decimal
  /// Whether `size` is in quote units.
  public var sizeInQuote: Bool
  /// Commission, quote units.
  public var commission: Decimal
  /// `BUY` or `SELL`.
  public var side: String
  /// When it executed.
  public var tradeTime: UnixTime?

  /// Executed quantity, base units.
  public var baseQuantity: Decimal { sizeInQuote ? (price > 0 ? size / price : 0) : size }
  /// Executed value, quote units.
  public var quoteQuantity: Decimal { sizeInQuote ? size : size * price }
}

/// One account's balance (`GET /accounts`).
public struct CoinbaseAccount: Hashable, Sendable {
  /// Currency, e.g. `USD`.
  public var currency: String
  /// Available, currency units (`available_balance.value`).
  public var available: Decimal
  /// Held by open orders, currency units (`hold.value`).
  public var hold: Decimal
}

/// The outcome of cancelling one order (`POST /orders/batch_cancel` `results`).
public struct CoinbaseCancelResult: Hashable, Sendable {
  /// The order.
  public var orderId: String
  /// Whether the cancel was accepted.
  public var success: Bool
  /// Why not, e.g. `UNKNOWN_CANCEL_ORDER`; empty on success.
  public var failureReason: String
}

/// A page of `GET /orders/historical/batch`.
public struct CoinbaseOrderPage: Hashable, Sendable {
  /// Orders, newest first.
  public var orders: [CoinbaseOrderRecord]
  /// Cursor of the next page; nil when this is the last.
  public var nextCursor: String?
}
