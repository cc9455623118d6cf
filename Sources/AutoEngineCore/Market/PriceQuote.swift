public import FoundationEssentials

/// The latest traded price of one symbol, as an exchange (or a simulated market) reports it.
public struct PriceQuote: Hashable, Sendable {
  /// Exchange symbol, e.g. "BTC-USD" or "BTCUSDT".
  public var symbol: String
  /// Last traded price, quote asset (exact, as the exchange sent it).
  public var price: Decimal
  /// Best bid, quote asset; nil when the source gives none.
  public var bid: Decimal?
  /// Best ask, quote asset; nil when the source gives none.
  public var ask: Decimal?
  /// When the price was observed (the exchange's time when it gives one, else the fetch time).
  public var time: UnixTime

  /// Creates a quote.
  public init(symbol: String, price: Decimal, bid: Decimal? = nil, ask: Decimal? = nil, time: UnixTime) {
    self.symbol = symbol
    self.price = price
    self.bid = bid
    self.ask = ask
    self.time = time
  }
}
