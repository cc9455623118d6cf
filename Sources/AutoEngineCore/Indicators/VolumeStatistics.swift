/// Volume SMA and z-score over a rolling window, base-asset units.
///
/// Average = mean volume of the last `period` candles (TA-Lib `SMA` of volume); z-score =
/// `(latest volume − average) / σ` with σ the population standard deviation of the same window
/// (the latest candle included). Warm-up: nil until `period` candles. The z-score is nil when σ
/// is zero (every volume in the window equal). O(1) per update.
public struct VolumeStatistics: Sendable {
  /// The last `period` volumes with their mean and variance.
  var moments: RollingMoments
  /// Mean volume over the window; nil during warm-up.
  public private(set) var average: Double?
  /// How many standard deviations the latest volume lies from the average; nil during warm-up
  /// or when the window's volumes are all equal.
  public private(set) var zScore: Double?

  /// Creates volume statistics over `period` candles (default 20).
  public init(period: Int = 20) {
    moments = RollingMoments(period: period)
  }

  /// Window length in candles.
  public var period: Int { moments.period }

  /// Adds the newest volume.
  public mutating func update(_ volume: Double) {
    moments.push(volume)
    guard let mean = moments.mean, let sigma = moments.standardDeviation else { return }
    average = mean
    zScore = sigma > 0 ? (volume - mean) / sigma : nil
  }
}
