/// Exponential moving average (TA-Lib `EMA`, default compatibility), seeded with an SMA.
///
/// `k = 2 / (period + 1)`; the first value is the SMA of the first `period` inputs, then each
/// input moves it by `(x − ema) × k`. Output unit: the input's unit. Warm-up: nil until
/// `period` values have been seen (TA-Lib lookback `period − 1`). O(1) per update.
public struct ExponentialMovingAverage: Sendable {
  /// Number of values averaged by the seed, ≥ 1.
  public let period: Int
  /// The smoothing factor `k = 2 / (period + 1)`.
  public let smoothing: Double
  /// Sum of the inputs seen before the seed.
  var seedSum: Double = 0
  /// Inputs seen so far.
  public private(set) var count = 0
  /// The current average; nil during warm-up.
  public private(set) var value: Double?

  /// Creates an EMA over `period` values (≥ 1).
  public init(period: Int) {
    precondition(period >= 1, "EMA period must be at least 1")
    self.period = period
    smoothing = 2 / (Double(period) + 1)
  }

  /// Adds the newest value.
  public mutating func update(_ newValue: Double) {
    count += 1
    if let previous = value {
      value = (newValue - previous) * smoothing + previous
    } else {
      seedSum += newValue
      if count == period { value = seedSum / Double(period) }
    }
  }
}
