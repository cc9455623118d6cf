/// Bollinger bands (TA-Lib `BBANDS` with SMA and population standard deviation).
///
/// Middle = SMA of the close over `period`; upper/lower = middle ± `deviations` × σ, where σ is
/// the population standard deviation (divisor `period`) of the same closes. Prices in the quote
/// asset; width in percent of the middle band; %B a fraction (0 at the lower band, 1 at the
/// upper, outside 0–1 beyond them). Warm-up: nil until `period` closes have been seen.
/// O(1) per update (see ``RollingMoments`` for the drift-free running sums).
public struct BollingerBands: Sendable {
  /// Band width in standard deviations (default 2).
  public let deviations: Double
  /// The last `period` closes with their mean and variance.
  var moments: RollingMoments
  /// Middle band: SMA of the close, quote asset.
  public private(set) var middle: Double?
  /// Upper band, quote asset.
  public private(set) var upper: Double?
  /// Lower band, quote asset.
  public private(set) var lower: Double?
  /// Population standard deviation of the close over `period`, quote asset, ≥ 0.
  public private(set) var standardDeviation: Double?
  /// `(upper − lower) / middle × 100`, percent, ≥ 0.
  public private(set) var widthPercent: Double?
  /// `(close − lower) / (upper − lower)`; nil when the bands have zero width.
  public private(set) var percentB: Double?

  /// Creates bands over `period` closes (default 20) at `deviations` σ (default 2).
  public init(period: Int = 20, deviations: Double = 2) {
    self.deviations = deviations
    moments = RollingMoments(period: period)
  }

  /// Window length in closes.
  public var period: Int { moments.period }

  /// Adds the newest close.
  public mutating func update(_ close: Double) {
    moments.push(close)
    guard let mean = moments.mean, let sigma = moments.standardDeviation else { return }
    let offset = deviations * sigma
    let newUpper = mean + offset
    let newLower = mean - offset
    middle = mean
    upper = newUpper
    lower = newLower
    standardDeviation = sigma
    widthPercent = (newUpper - newLower) / mean * 100
    let width = newUpper - newLower
    percentB = width > 0 ? (close - newLower) / width : nil
  }
}
