public import FoundationEssentials

/// One execution of an order.
///
/// Quantities are exact: `baseQuantity` in the base asset, `quoteQuantity` (= price ×
/// base quantity as the exchange reports it) in the quote asset. The fee is in `feeAsset`; when
/// that is the quote asset it adds to a buy's cost and reduces a sell's proceeds, when it is the
/// base asset it reduces the quantity received by a buy. A fill is identified by its
/// `tradeId` within its order: recording the same fill twice changes nothing.
public struct Fill: Hashable, Sendable {
  /// The exchange's trade id (paper: a local id); unique per order.
  public var tradeId: String
  /// Client order id of the order filled.
  public var clientOrderId: String
  /// Exchange symbol, e.g. `BTCUSDT`.
  public var symbol: String
  /// Buy or sell.
  public var side: OrderSide
  /// Execution price, quote units per base unit, > 0.
  public var price: Decimal
  /// Executed quantity, base units, > 0.
  public var baseQuantity: Decimal
  /// Executed value, quote units, > 0.
  public var quoteQuantity: Decimal
  /// Fee charged, in `feeAsset`, ≥ 0.
  public var fee: Decimal
  /// Asset the fee was charged in, e.g. `USD`.
  public var feeAsset: String
  /// When it executed.
  public var time: UnixTime

  /// Creates a fill from all of its fields.
  public init(
    tradeId: String, clientOrderId: String, symbol: String, side: OrderSide, price: Decimal,
    baseQuantity: Decimal, quoteQuantity: Decimal, fee: Decimal, feeAsset: String, time: UnixTime
  ) {
    self.tradeId = tradeId
    self.clientOrderId = clientOrderId
    self.symbol = symbol
    self.side = side
    self.price = price
    self.baseQuantity = baseQuantity
    self.quoteQuantity = quoteQuantity
    self.fee = fee
    self.feeAsset = feeAsset
    self.time = time
  }
}
