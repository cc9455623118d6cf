public import AutoEngineCore
public import FoundationEssentials

/// An order in the mock exchange's book, as either exchange's routes report it.
///
/// Quantities are base units, values and commissions quote units (the mock charges every
/// commission in the quote asset), prices quote per base.
public struct MockOrder: Hashable, Sendable {
  /// Sequential number, 1 for the first order of a book (Binance `orderId`).
  public var number: Int64
  /// The exchange's order id: Binance the number, Coinbase a UUID made from it.
  public var orderId: String
  /// Client order id.
  public var clientOrderId: String
  /// Exchange symbol.
  public var symbol: String
  /// Base and quote assets.
  public var baseAsset: String
  public var quoteAsset: String
  /// Buy or sell.
  public var side: OrderSide
  /// Market or limit.
  public var type: OrderType
  /// `open` until filled or cancelled; then `filled` or `cancelled`.
  public var status: OrderStatus
  /// Quantity ordered, base units; nil for a market order by quote amount.
  public var quantity: Decimal?
  /// Quote amount ordered (market by quote); nil otherwise.
  public var quoteQuantity: Decimal?
  /// Limit price; nil for market orders.
  public var limitPrice: Decimal?
  /// Fills, oldest first.
  public var fills: [MockFill]
  /// Quote (buy) or base (sell) units held for an open limit order.
  public var held: Decimal
  /// When it was placed and last changed, by the mock's clock.
  public var createdAt: UnixTime
  public var updatedAt: UnixTime

  /// Quantity filled, base units.
  public var executedQuantity: Decimal { fills.reduce(0) { $0 + $1.quantity } }
  /// Value filled, quote units.
  public var executedValue: Decimal { fills.reduce(0) { $0 + $1.quoteQuantity } }
  /// Commission charged, quote units.
  public var commission: Decimal { fills.reduce(0) { $0 + $1.commission } }
  /// Average fill price, or nil before a fill.
  public var averagePrice: Decimal? { executedQuantity > 0 ? executedValue / executedQuantity : nil }
}

/// One execution in the mock's book.
public struct MockFill: Hashable, Sendable {
  /// Trade id, unique per book.
  public var tradeId: Int64
  /// Execution price, quote per base.
  public var price: Decimal
  /// Executed quantity, base units.
  public var quantity: Decimal
  /// Executed value, quote units.
  public var quoteQuantity: Decimal
  /// Commission, in `commissionAsset` (the quote asset).
  public var commission: Decimal
  /// Asset of the commission.
  public var commissionAsset: String
  /// Whether the order rested on the book (a limit order filled after placement).
  public var isMaker: Bool
  /// When it executed.
  public var time: UnixTime
}

/// A balance in the mock's account.
public struct MockBalance: Hashable, Sendable {
  /// Asset, e.g. `USDT`.
  public var asset: String
  /// Available.
  public var free: Decimal
  /// Held by open orders.
  public var locked: Decimal
}

/// A new order as a route read it from the request, before the book checks it.
struct MockOrderTicket: Sendable {
  var clientOrderId: String
  var side: OrderSide
  var type: OrderType
  var quantity: Decimal?
  var quoteQuantity: Decimal?
  var limitPrice: Decimal?
}

/// Why the book refused an order or a cancel.
enum MockOrderRefusal: Error, Hashable {
  case insufficientBalance
  case duplicateClientOrderId
  case zeroQuantity
  case unknownOrder
}
