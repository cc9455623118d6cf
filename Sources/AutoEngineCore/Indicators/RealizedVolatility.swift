/// Realised volatility: population standard deviation of log returns over a window, percent.
///
/// Log return of a candle = `ln(close / previous close)`; the value is σ of the last `period`
/// log returns × 100 (per candle, not annualised). Warm-up: nil until `period + 1` closes.
/// A constant price gives 0. O(1) per update (see ``RollingMoments``).
public struct RealizedVolatility: Sendable {
  /// The last `period` log returns.
  var moments: RollingMoments
  /// The previous close, nil before the first.
  var previousClose: Double?
  /// The current realised volatility, percent per candle, ≥ 0; nil during warm-up.
  public private(set) var percent: Double?

  /// Creates a realised volatility over `period` log returns (≥ 1).
  public init(period: Int) {
    moments = RollingMoments(period: period)
  }

  /// Number of log returns in the window.
  public var period: Int { moments.period }

  /// Adds the newest close (positive).
  public mutating func update(_ close: Double) {
    defer { previousClose = close }
    guard let previous = previousClose else { return }
    moments.push(ElementaryFunctions.log(close / previous))
    percent = moments.standardDeviation.map { $0 * 100 }
  }
}
