import AutoEngineCore
public import FoundationEssentials

/// The trading rules of one symbol that an order must meet, in exact decimals: Binance.US
/// `exchangeInfo` filters (`LOT_SIZE`, `PRICE_FILTER`, `NOTIONAL`/`MIN_NOTIONAL`) or Coinbase
/// product increments and sizes.
///
/// Pure: no I/O. `prepare(_:)` rounds an order the safe way (quantities and quote amounts
/// down, so rounding never trades more than decided; limit prices toward the side's caution)
/// and checks the bounds on the rounded values. A value of 0 disables a step or bound, as in
/// Binance's filters.
public struct SymbolOrderRules: Hashable, Sendable {
  /// The names a violation reports, per exchange: Binance filter types or Coinbase fields.
  public struct RuleNames: Hashable, Sendable {
    /// Name of the quantity step rule (`LOT_SIZE`, `base_increment`).
    public var quantityStep: String
    /// Name of the smallest quantity (`LOT_SIZE`, `base_min_size`).
    public var minQuantity: String
    /// Name of the largest quantity (`LOT_SIZE`, `base_max_size`).
    public var maxQuantity: String
    /// Name of the price bounds and tick (`PRICE_FILTER`, `quote_increment`).
    public var price: String
    /// Name of the smallest order value (`NOTIONAL`, `MIN_NOTIONAL`, `quote_min_size`).
    public var minNotional: String
    /// Name of the largest order value (`NOTIONAL`, `quote_max_size`).
    public var maxNotional: String

    /// Creates names.
    public init(
      quantityStep: String, minQuantity: String, maxQuantity: String, price: String, minNotional: String,
      maxNotional: String
    ) {
      self.quantityStep = quantityStep
      self.minQuantity = minQuantity
      self.maxQuantity = maxQuantity
      self.price = price
      self.minNotional = minNotional
      self.maxNotional = maxNotional
    }

    /// Binance.US filter names, the notional filter called `notional` (`NOTIONAL` or `MIN_NOTIONAL`).
    public static func binance(notional: String = "NOTIONAL") -> RuleNames {
      RuleNames(
        quantityStep: "LOT_SIZE", minQuantity: "LOT_SIZE", maxQuantity: "LOT_SIZE", price: "PRICE_FILTER",
        minNotional: notional, maxNotional: notional)
    }

    /// Coinbase product field names.
    public static let coinbase = RuleNames(
      quantityStep: "base_increment", minQuantity: "base_min_size", maxQuantity: "base_max_size",
      price: "quote_increment", minNotional: "quote_min_size", maxNotional: "quote_max_size")
  }

  /// Exchange symbol.
  public var symbol: String
  /// Quantity step, base units (> 0; 0 = any quantity).
  public var quantityStep: Decimal
  /// Smallest quantity, base units (0 = none).
  public var minQuantity: Decimal
  /// Largest quantity, base units (0 = none).
  public var maxQuantity: Decimal
  /// Price tick, quote units per base unit, counted from `minPrice` (0 = any price).
  public var priceTick: Decimal
  /// Smallest price (0 = none).
  public var minPrice: Decimal
  /// Largest price (0 = none).
  public var maxPrice: Decimal
  /// Smallest order value, price × quantity, quote units (0 = none).
  public var minNotional: Decimal
  /// Largest order value, quote units (0 = none).
  public var maxNotional: Decimal
  /// Step of a quote amount sent as such (Binance `quoteOrderQty`, Coinbase `quote_size`),
  /// quote units (0 = any).
  public var quoteStep: Decimal
  /// Whether the notional bounds apply to market orders too (Binance `applyToMarket`).
  public var notionalAppliesToMarket: Bool
  /// The names violations report.
  public var names: RuleNames

  /// Creates rules; every bound and step defaults to 0 (disabled).
  public init(
    symbol: String, quantityStep: Decimal = 0, minQuantity: Decimal = 0, maxQuantity: Decimal = 0,
    priceTick: Decimal = 0, minPrice: Decimal = 0, maxPrice: Decimal = 0, minNotional: Decimal = 0,
    maxNotional: Decimal = 0, quoteStep: Decimal = 0, notionalAppliesToMarket: Bool = true,
    names: RuleNames = .binance()
  ) {
    self.symbol = symbol
    self.quantityStep = max(0, quantityStep)
    self.minQuantity = max(0, minQuantity)
    self.maxQuantity = max(0, maxQuantity)
    self.priceTick = max(0, priceTick)
    self.minPrice = max(0, minPrice)
    self.maxPrice = max(0, maxPrice)
    self.minNotional = max(0, minNotional)
    self.maxNotional = max(0, maxNotional)
    self.quoteStep = max(0, quoteStep)
    self.notionalAppliesToMarket = notionalAppliesToMarket
    self.names = names
  }

  /// `quantity` rounded down to a multiple of `quantityStep` (unchanged when the step is 0).
  public func roundedQuantity(_ quantity: Decimal) -> Decimal {
    Self.floor(quantity, step: quantityStep, from: 0)
  }

  /// `amount` (quote units) rounded down to a multiple of `quoteStep`.
  public func roundedQuote(_ amount: Decimal) -> Decimal {
    Self.floor(amount, step: quoteStep, from: 0)
  }

  /// `price` on the tick grid `minPrice + k × priceTick`: down for a buy (never pay more than
  /// asked), up for a sell (never sell for less).
  public func roundedPrice(_ price: Decimal, side: OrderSideRounding) -> Decimal {
    let down = Self.floor(price, step: priceTick, from: minPrice)
    guard side == .up, down < price, priceTick > 0 else { return down }
    return down + priceTick
  }

  /// Which way a limit price rounds to the tick.
  public enum OrderSideRounding: Hashable, Sendable {
    /// Toward lower prices (buys).
    case down
    /// Toward higher prices (sells).
    case up
  }

  /// The largest `origin + k × step` (k ≥ 0 whole) that is ≤ `value`; `value` itself when `step`
  /// is 0 or `value` lies below `origin` (the bounds checks catch that).
  static func floor(_ value: Decimal, step: Decimal, from origin: Decimal) -> Decimal {
    guard step > 0, value >= origin else { return value }
    let steps = ((value - origin) / step).roundedDown(toPlaces: 0)
    return origin + steps * step
  }
}
