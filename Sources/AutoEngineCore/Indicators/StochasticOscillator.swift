/// Slow stochastic oscillator (TA-Lib `STOCH` with SMA smoothing), %K and %D in 0–100.
///
/// Fast %K = `100 × (close − lowest low) / (highest high − lowest low)` over the last
/// `fastKPeriod` candles (the latest included); slow %K = SMA of fast %K over `slowKPeriod`;
/// %D = SMA of slow %K over `slowDPeriod`. As in TA-Lib, %K is published only together with %D:
/// for 14/3/3 both from candle 18 (TA-Lib lookback 17). Differences from TA-Lib: a zero
/// high–low range makes fast %K undefined (TA-Lib uses 0), and the averages that include it are
/// nil. %K and %D are clamped to 0–100 against rounding. O(1) amortised.
public struct StochasticOscillator: Sendable {
  /// Highest high over `fastKPeriod`.
  var highs: RollingExtreme
  /// Lowest low over `fastKPeriod`.
  var lows: RollingExtreme
  /// SMA of fast %K.
  var slowKAverage: GappedMovingAverage
  /// SMA of slow %K.
  var slowDAverage: GappedMovingAverage
  /// Slow %K, 0–100; nil while %D is.
  public private(set) var k: Double?
  /// Slow %D, 0–100; nil during warm-up or after a zero-range window.
  public private(set) var d: Double?

  /// Creates a stochastic (TA-Lib defaults here: 14, 3, 3).
  public init(fastKPeriod: Int = 14, slowKPeriod: Int = 3, slowDPeriod: Int = 3) {
    highs = RollingExtreme(period: fastKPeriod, kind: .maximum)
    lows = RollingExtreme(period: fastKPeriod, kind: .minimum)
    slowKAverage = GappedMovingAverage(period: slowKPeriod)
    slowDAverage = GappedMovingAverage(period: slowDPeriod)
  }

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    highs.push(candle.high)
    lows.push(candle.low)
    var fastK: Double?
    if let highest = highs.value, let lowest = lows.value, highest > lowest {
      fastK = min(100, max(0, (candle.close - lowest) / ((highest - lowest) / 100)))
    }
    slowKAverage.update(fastK)
    slowDAverage.update(slowKAverage.value)
    d = slowDAverage.value.map { min(100, max(0, $0)) }
    k = d == nil ? nil : slowKAverage.value.map { min(100, max(0, $0)) }
  }
}
