/// Williams %R (TA-Lib `WILLR`), −100 (close at the lowest low) to 0 (at the highest high).
///
/// `%R = −100 × (highest high − close) / (highest high − lowest low)` over the last `period`
/// candles, the latest included. Warm-up: nil until `period` candles (TA-Lib lookback
/// `period − 1`). Differences from TA-Lib: a zero high–low range gives nil (TA-Lib prints 0).
/// Clamped to −100–0 against rounding. O(1) amortised.
public struct WilliamsPercentR: Sendable {
  /// Highest high over `period`.
  var highs: RollingExtreme
  /// Lowest low over `period`.
  var lows: RollingExtreme
  /// The current %R, −100–0; nil during warm-up or over a zero range.
  public private(set) var value: Double?

  /// Creates a Williams %R over `period` candles (default 14).
  public init(period: Int = 14) {
    highs = RollingExtreme(period: period, kind: .maximum)
    lows = RollingExtreme(period: period, kind: .minimum)
  }

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    highs.push(candle.high)
    lows.push(candle.low)
    guard let highest = highs.value, let lowest = lows.value else { return }
    guard highest > lowest else {
      value = nil
      return
    }
    value = min(0, max(-100, (highest - candle.close) / ((highest - lowest) / -100)))
  }
}
