/// Simple moving average of a series that may have undefined entries.
///
/// Used where an input can be undefined for a candle (a stochastic %K over a zero high–low
/// range): the average is defined only when every one of the last `period` entries is, so an
/// undefined input never turns into an invented number. Warm-up: `period` defined entries in a
/// row. O(1) per update.
struct GappedMovingAverage: Sendable {
  /// The last `period` entries, undefined ones stored as 0.
  var window: RollingSum
  /// Number of defined entries at the end of the series, capped at `period`.
  var definedRun = 0
  /// The average; nil unless the last `period` entries are all defined.
  private(set) var value: Double?

  /// Creates an average over `period` entries (≥ 1).
  init(period: Int) {
    window = RollingSum(period: period)
  }

  /// Adds the newest entry (nil when undefined).
  mutating func update(_ entry: Double?) {
    window.push(entry ?? 0)
    if entry == nil {
      definedRun = 0
    } else if definedRun < window.period {
      definedRun += 1
    }
    value = definedRun == window.period ? window.mean : nil
  }
}
