public import FoundationEssentials

/// Rolling 24-hour statistics of one symbol.
public struct DailyMarketStats: Hashable, Sendable {
  /// Exchange symbol.
  public var symbol: String
  /// Volume traded over the last 24 hours, base asset.
  public var volume: Decimal
  /// Volume traded over the last 24 hours, quote asset; nil when the source gives none.
  public var quoteVolume: Decimal?
  /// Price change over the last 24 hours, percent (1.5 = +1.5 %); nil when not given.
  public var priceChangePercent: Double?
  /// Highest price over the last 24 hours, quote asset; nil when not given.
  public var high: Decimal?
  /// Lowest price over the last 24 hours, quote asset; nil when not given.
  public var low: Decimal?
  /// Last price at the time of the statistics, quote asset; nil when not given.
  public var lastPrice: Decimal?
  /// When the statistics were observed.
  public var time: UnixTime

  /// Creates statistics.
  public init(
    symbol: String, volume: Decimal, quoteVolume: Decimal? = nil, priceChangePercent: Double? = nil,
    high: Decimal? = nil, low: Decimal? = nil, lastPrice: Decimal? = nil, time: UnixTime
  ) {
    self.symbol = symbol
    self.volume = volume
    self.quoteVolume = quoteVolume
    self.priceChangePercent = priceChangePercent
    self.high = high
    self.low = low
    self.lastPrice = lastPrice
    self.time = time
  }
}
