public import FoundationEssentials

/// One tradable market the engine watches: a symbol on an exchange, with its trade limits.
///
/// Amounts are in the coin's quote asset (USD on Coinbase, USDT on Binance.US). The seed's limits
/// are 10 minimum per trade, 10,000 maximum for BTC and ETH and 5,000 for every other coin.
public struct Coin: Hashable, Sendable, CustomStringConvertible {
  /// The exchange's own symbol, e.g. `BTC-USD` or `BTCUSDT`.
  public var symbol: String
  /// The venue this symbol trades on.
  public var exchange: Exchange
  /// The asset bought or sold, e.g. `BTC`.
  public var base: String
  /// The asset amounts are paid in, e.g. `USD` or `USDT`.
  public var quote: String
  /// Whether autobuy may trade this coin; disabled coins are still monitored.
  public var enabled: Bool
  /// Smallest order, in quote units (seed default 10).
  public var minTradeAmount: Decimal
  /// Largest order, in quote units (seed default 10,000 for BTC/ETH, 5,000 otherwise).
  public var maxTradeAmount: Decimal
  /// The symbol that replaced this one after a rename or delisting (e.g. `MATIC-USD` → `POL-USD`),
  /// or `nil`. The engine may trade the successor when the exchange no longer lists this symbol.
  public var successorSymbol: String?

  /// Creates a coin from all of its fields.
  public init(
    symbol: String, exchange: Exchange, base: String, quote: String, enabled: Bool = true,
    minTradeAmount: Decimal = 10, maxTradeAmount: Decimal = 5_000, successorSymbol: String? = nil
  ) {
    self.symbol = symbol
    self.exchange = exchange
    self.base = base
    self.quote = quote
    self.enabled = enabled
    self.minTradeAmount = minTradeAmount
    self.maxTradeAmount = maxTradeAmount
    self.successorSymbol = successorSymbol
  }

  /// Creates a coin whose base and quote are read from `symbol` by the exchange's convention,
  /// or `nil` when the symbol does not follow it (see `MarketSymbol(parsing:on:)`).
  public init?(
    symbol: String, exchange: Exchange, enabled: Bool = true, minTradeAmount: Decimal = 10,
    maxTradeAmount: Decimal = 5_000, successorSymbol: String? = nil
  ) {
    guard let pair = MarketSymbol(parsing: symbol, on: exchange) else { return nil }
    self.init(
      symbol: symbol, exchange: exchange, base: pair.base, quote: pair.quote, enabled: enabled,
      minTradeAmount: minTradeAmount, maxTradeAmount: maxTradeAmount,
      successorSymbol: successorSymbol)
  }

  /// The allowed order sizes in quote units, `minTradeAmount...maxTradeAmount`.
  ///
  /// Only meaningful when `minTradeAmount <= maxTradeAmount`, which `CoinCatalogue` enforces.
  public var tradeLimits: ClosedRange<Decimal> { minTradeAmount...Swift.max(minTradeAmount, maxTradeAmount) }

  public var description: String { "\(symbol) (\(exchange.displayName))" }
}
