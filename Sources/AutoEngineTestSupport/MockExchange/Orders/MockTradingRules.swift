public import AutoEngineCore
public import FoundationEssentials

/// The order rules the mock lists for one market and enforces on its orders: Binance.US
/// `exchangeInfo` filters (`PRICE_FILTER`, `LOT_SIZE`, `NOTIONAL`) and Coinbase product
/// increments and sizes, from the same numbers. A 0 disables a step or bound.
public struct MockTradingRules: Hashable, Sendable {
  /// Price tick, quote per base (`tickSize`, `quote_increment`).
  public var priceTick: Decimal
  /// Smallest and largest price (`minPrice`, `maxPrice`).
  public var minPrice: Decimal
  public var maxPrice: Decimal
  /// Quantity step, base units (`stepSize`, `base_increment`).
  public var quantityStep: Decimal
  /// Smallest and largest quantity (`minQty`/`maxQty`, `base_min_size`/`base_max_size`).
  public var minQuantity: Decimal
  public var maxQuantity: Decimal
  /// Smallest and largest order value, quote units (`NOTIONAL`, `quote_min_size`/`quote_max_size`).
  public var minNotional: Decimal
  public var maxNotional: Decimal
  /// Decimal places of a quote amount (Binance `quoteAssetPrecision`).
  public var quotePrecision: Int

  /// Creates rules.
  public init(
    priceTick: Decimal, minPrice: Decimal = 0, maxPrice: Decimal = 0, quantityStep: Decimal, minQuantity: Decimal,
    maxQuantity: Decimal, minNotional: Decimal, maxNotional: Decimal = 0, quotePrecision: Int = 8
  ) {
    self.priceTick = priceTick
    self.minPrice = minPrice
    self.maxPrice = maxPrice
    self.quantityStep = quantityStep
    self.minQuantity = minQuantity
    self.maxQuantity = maxQuantity
    self.minNotional = minNotional
    self.maxNotional = maxNotional
    self.quotePrecision = quotePrecision
  }

  /// Binance.US-like defaults: tick 0.01, step 0.00001, quantity 0.00001…9000, value 1…9,000,000.
  public static let binanceUS = MockTradingRules(
    priceTick: Decimal(string: "0.01") ?? 0, minPrice: Decimal(string: "0.01") ?? 0, maxPrice: 1_000_000,
    quantityStep: Decimal(string: "0.00001") ?? 0, minQuantity: Decimal(string: "0.00001") ?? 0, maxQuantity: 9000,
    minNotional: 1, maxNotional: 9_000_000, quotePrecision: 8)

  /// Coinbase-like defaults: quote increment 0.01, base increment 0.00000001, base size up to
  /// 3400, quote size 1…150,000,000.
  public static let coinbase = MockTradingRules(
    priceTick: Decimal(string: "0.01") ?? 0, quantityStep: Decimal(string: "0.00000001") ?? 0,
    minQuantity: Decimal(string: "0.00000001") ?? 0, maxQuantity: 3400, minNotional: 1, maxNotional: 150_000_000,
    quotePrecision: 2)

  /// The defaults of `exchange`.
  public static func defaults(for exchange: Exchange) -> MockTradingRules {
    exchange == .coinbase ? coinbase : binanceUS
  }

  /// Whether `value` is a whole multiple of `step` counted from `origin` (always when `step` is 0).
  static func isOnGrid(_ value: Decimal, step: Decimal, from origin: Decimal = 0) -> Bool {
    guard step > 0 else { return true }
    let steps = (value - origin) / step
    return steps == steps.roundedDown(toPlaces: 0)
  }

  /// The number of decimal places `value` is written with (`0.0100` → 2).
  static func places(_ value: Decimal) -> Int {
    let text = value.description
    guard let point = text.firstIndex(of: ".") else { return 0 }
    return text[text.index(after: point)...].count
  }
}
