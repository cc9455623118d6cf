public import AutoEngineCore
public import FoundationEssentials

/// One symbol the mock exchange serves: its listing, price, 24-hour figures and candles.
///
/// Tests set these and move them (`MockExchangeState.setPrice`, `update`); the routes write them
/// in each exchange's documented format, numbers as strings.
public struct MockMarket: Hashable, Sendable {
  /// Exchange symbol: `BTC-USD` on Coinbase, `BTCUSDT` on Binance.US.
  public var symbol: String
  /// The exchange listing it.
  public var exchange: Exchange
  /// Base asset, e.g. `BTC`.
  public var baseAsset: String
  /// Quote asset, e.g. `USD`.
  public var quoteAsset: String
  /// Last price, quote asset.
  public var price: Decimal
  /// Best bid, quote asset (Binance.US 24-hour ticker); nil writes the price.
  public var bid: Decimal?
  /// Best ask, quote asset; nil writes the price.
  public var ask: Decimal?
  /// Volume over 24 hours, base asset.
  public var volume24h: Decimal
  /// Price change over 24 hours, percent.
  public var priceChangePercent24h: Decimal
  /// Status word: Coinbase `online`/`offline`/`delisted`, Binance.US `TRADING`/`BREAK`/`HALT`.
  public var status: String
  /// Coinbase `trading_disabled`.
  public var tradingDisabled: Bool
  /// Coinbase `cancel_only`.
  public var cancelOnly: Bool
  /// Candles served, oldest first; when empty, candles are synthesised around `price`.
  public var candles: [Candle]
  /// Order rules listed (exchangeInfo filters, product increments) and enforced on orders.
  public var rules: MockTradingRules

  /// Creates a market; base and quote are split from `symbol` by the exchange's convention, and
  /// the status defaults to the exchange's trading word (`online`, `TRADING`).
  public init(
    symbol: String, exchange: Exchange? = nil, price: Decimal, volume24h: Decimal = 1000,
    priceChangePercent24h: Decimal = 0, status: String? = nil, candles: [Candle] = []
  ) {
    let exchange = exchange ?? Exchange.inferred(fromSymbol: symbol)
    let pair = MarketSymbol(parsing: symbol, on: exchange)
    self.symbol = symbol
    self.exchange = exchange
    self.baseAsset = pair?.base ?? symbol
    self.quoteAsset = pair?.quote ?? ""
    self.price = price
    self.volume24h = volume24h
    self.priceChangePercent24h = priceChangePercent24h
    self.status = status ?? (exchange == .coinbase ? "online" : "TRADING")
    self.tradingDisabled = false
    self.cancelOnly = false
    self.candles = candles
    self.rules = .defaults(for: exchange)
  }

  /// The price 24 hours ago implied by `price` and `priceChangePercent24h`.
  public var openPrice24h: Decimal {
    let factor = 1 + priceChangePercent24h / 100
    return factor > 0 ? price / factor : price
  }

  /// Quote-asset volume over 24 hours: `volume24h × price`.
  public var quoteVolume24h: Decimal { volume24h * price }

  /// The markets of `symbols` at `price` each, for tests that need many symbols.
  public static func many(_ symbols: [String], price: Decimal = 100) -> [MockMarket] {
    symbols.enumerated().map { index, symbol in
      MockMarket(symbol: symbol, price: price + Decimal(index), volume24h: 1000 + Decimal(index * 10))
    }
  }
}
