public import FoundationEssentials

/// How the paper broker fills orders: exact `Decimal` arithmetic with a fee and slippage.
///
/// A market order fills at once at the reference price moved against the trader by
/// `slippagePercent` (up for buys, down for sells), rounded to `pricePlaces`. The base quantity is
/// the order's base amount, or its quote amount ÷ fill price rounded *down* to `quantityPlaces`
/// (never spending more than asked). The quote quantity is price × base quantity, and the fee
/// `feePercent` of it rounded *up* to `quotePlaces` (never charging less), in the quote asset.
/// A limit order fills at its limit price, without slippage, once the market reaches it (a buy
/// when the price is at or below the limit, a sell at or above).
public struct PaperFillModel: Hashable, Sendable {
  /// Fee on each fill's quote value, percent (`trading.paper_fee_pct`).
  public var feePercent: Decimal
  /// Market-order slippage, percent of the price (`trading.paper_slippage_pct`).
  public var slippagePercent: Decimal
  /// Digits kept in fill prices (8).
  public var pricePlaces: Int
  /// Digits kept in base quantities (8).
  public var quantityPlaces: Int
  /// Digits kept in fees (8).
  public var quotePlaces: Int

  /// Creates a model; defaults are the documented defaults.
  public init(
    feePercent: Decimal = 0.1, slippagePercent: Decimal = 0.05, pricePlaces: Int = 8, quantityPlaces: Int = 8,
    quotePlaces: Int = 8
  ) {
    self.feePercent = feePercent
    self.slippagePercent = slippagePercent
    self.pricePlaces = pricePlaces
    self.quantityPlaces = quantityPlaces
    self.quotePlaces = quotePlaces
  }

  /// The model of a configuration's `trading.paper_*` settings.
  public init(_ settings: TradingSettings) {
    self.init(feePercent: settings.paperFeePercent, slippagePercent: settings.paperSlippagePercent)
  }

  /// The execution of a market order for `amount` at reference price `price`; nil when the
  /// quantity rounds to zero or the price is not positive.
  public func marketExecution(side: OrderSide, amount: OrderAmount, price: Decimal) -> Execution? {
    guard price > 0 else { return nil }
    let factor = side == .buy ? 1 + slippagePercent / 100 : 1 - slippagePercent / 100
    let fillPrice = (price * factor).roundedDown(toPlaces: pricePlaces)
    return execution(amount: amount, at: fillPrice)
  }

  /// The execution of a limit order at its `limit` price when the market `price` reaches it, or
  /// nil while it does not (or the quantity rounds to zero).
  public func limitExecution(side: OrderSide, amount: OrderAmount, limit: Decimal, price: Decimal) -> Execution? {
    guard limit > 0, price > 0 else { return nil }
    let crosses = side == .buy ? price <= limit : price >= limit
    return crosses ? execution(amount: amount, at: limit) : nil
  }

  private func execution(amount: OrderAmount, at fillPrice: Decimal) -> Execution? {
    guard fillPrice > 0 else { return nil }
    let base =
      switch amount {
      case .base(let value): value.roundedDown(toPlaces: quantityPlaces)
      case .quote(let value): (value / fillPrice).roundedDown(toPlaces: quantityPlaces)
      }
    guard base > 0 else { return nil }
    let quote = fillPrice * base
    let fee = -((-(quote * feePercent / 100)).roundedDown(toPlaces: quotePlaces))
    return Execution(price: fillPrice, baseQuantity: base, quoteQuantity: quote, fee: fee)
  }

  /// One simulated execution.
  public struct Execution: Hashable, Sendable {
    /// Fill price, quote units per base unit.
    public var price: Decimal
    /// Base quantity, base units.
    public var baseQuantity: Decimal
    /// price × base quantity, quote units.
    public var quoteQuantity: Decimal
    /// Fee, quote units.
    public var fee: Decimal

    /// Quote the trader pays for a buy (value + fee), or receives for a sell (value − fee).
    public func cash(for side: OrderSide) -> Decimal {
      side == .buy ? quoteQuantity + fee : quoteQuantity - fee
    }
  }
}
