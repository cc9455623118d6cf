import AutoEngineCore
import FoundationEssentials

/// Totals of the candles of a 24-hour window, turned into `DailyMarketStats`.
///
/// Candles are added oldest first. Base volume is the sum of candle volumes; quote volume is
/// approximated as Σ volume × typical price; high and low are the extremes of the candles; the
/// change is the last price against a reference price 24 hours earlier.
struct DailyStatsTally {
  /// Sum of base volumes.
  private(set) var volume = 0.0
  /// Sum of volume × typical price, quote asset.
  private(set) var quoteVolume = 0.0
  /// Highest high, or nil before the first candle.
  private(set) var high: Double?
  /// Lowest low, or nil before the first candle.
  private(set) var low: Double?
  /// Open of the first (oldest) candle added.
  private(set) var firstOpen: Double?

  /// Adds one candle of the window.
  mutating func add(_ candle: Candle) {
    if firstOpen == nil { firstOpen = candle.open }
    volume += candle.volume
    quoteVolume += candle.volume * candle.typicalPrice
    high = Swift.max(high ?? candle.high, candle.high)
    low = Swift.min(low ?? candle.low, candle.low)
  }

  /// The statistics of `symbol` with `lastPrice` now and `priceBefore` 24 hours earlier (both
  /// quote asset); prices rounded to `tick`, volumes to 6 decimals, the change in percent.
  func stats(
    symbol: String, lastPrice: Double, priceBefore: Double?, tick: PriceTick, time: UnixTime
  ) -> DailyMarketStats {
    let change = priceBefore.flatMap { before in
      before > 0 ? (lastPrice / before - 1) * 100 : nil
    }
    return DailyMarketStats(
      symbol: symbol, volume: .rounding(volume, places: 6),
      quoteVolume: .rounding(quoteVolume, places: 2), priceChangePercent: change,
      high: high.map { tick.decimal($0) }, low: low.map { tick.decimal($0) },
      lastPrice: tick.decimal(lastPrice), time: time)
  }
}
