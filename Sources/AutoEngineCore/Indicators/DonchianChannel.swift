/// Donchian channel over the `period` candles *before* the latest: highest high, lowest low.
///
/// The latest candle is excluded so a close above `upper` (or below `lower`) is a breakout of the
/// prior range. Prices in the quote asset. Warm-up: nil until `period + 1` candles have been
/// seen. Equivalent to TA-Lib `MAX(high, period)` / `MIN(low, period)` shifted by one candle.
/// O(1) amortised.
public struct DonchianChannel: Sendable {
  /// Highest high of the candles pushed so far (window `period`).
  var highs: RollingExtreme
  /// Lowest low of the candles pushed so far (window `period`).
  var lows: RollingExtreme
  /// Highest high of the `period` candles before the latest; nil during warm-up.
  public private(set) var upper: Double?
  /// Lowest low of the `period` candles before the latest; nil during warm-up.
  public private(set) var lower: Double?

  /// Creates a channel over `period` candles (≥ 1).
  public init(period: Int) {
    highs = RollingExtreme(period: period, kind: .maximum)
    lows = RollingExtreme(period: period, kind: .minimum)
  }

  /// Number of earlier candles the channel spans.
  public var period: Int { highs.period }

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    upper = highs.value
    lower = lows.value
    highs.push(candle.high)
    lows.push(candle.low)
  }
}
