public import AutoEngineCore
public import FoundationEssentials

/// An operator's order request (`PlaceOrder`, `POST /api/trading/order`), before validation.
public struct ManualOrder: Hashable, Sendable {
  /// Exchange symbol, e.g. `BTCUSDT` (configured or successor symbol, any case).
  public var symbol: String
  /// Buy or sell.
  public var side: OrderSide
  /// Quote amount to spend or receive; exactly one of this and `baseAmount` is given.
  public var quoteAmount: Decimal?
  /// Base amount to buy or sell.
  public var baseAmount: Decimal?
  /// Market (default) or limit.
  public var type: OrderType
  /// Limit price, required for limit orders and refused for market orders.
  public var limitPrice: Decimal?
  /// Idempotency key: a repeated request with the same id answers with the first order.
  public var clientOrderId: String?

  /// Creates a request.
  public init(
    symbol: String, side: OrderSide, quoteAmount: Decimal? = nil, baseAmount: Decimal? = nil, type: OrderType = .market,
    limitPrice: Decimal? = nil, clientOrderId: String? = nil
  ) {
    self.symbol = symbol
    self.side = side
    self.quoteAmount = quoteAmount
    self.baseAmount = baseAmount
    self.type = type
    self.limitPrice = limitPrice
    self.clientOrderId = clientOrderId
  }
}

/// The outcome of `CancelOrders` / `CancelAllOrders`.
public struct CancelOutcome: Hashable, Sendable {
  /// Orders cancelled, in their final state.
  public var cancelled: [Order] = []
  /// Orders that could not be cancelled, with the reason.
  public var failures: [(clientOrderId: String, symbol: String, reason: String)] = []

  /// An empty outcome.
  public init() {}

  public static func == (lhs: CancelOutcome, rhs: CancelOutcome) -> Bool {
    lhs.cancelled == rhs.cancelled && lhs.failures.map(\.clientOrderId) == rhs.failures.map(\.clientOrderId)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(cancelled)
    hasher.combine(failures.map(\.clientOrderId))
  }
}
