/// Least-squares slope of the last `period` closes (TA-Lib `LINEARREG_SLOPE`), per candle.
///
/// Fits `close = a + b × i` through the window (i = 0 for the oldest candle, 1 for the next, …)
/// and reports `b` in quote units per candle and as a percent of the latest close per candle.
/// Warm-up: nil until `period` closes (TA-Lib lookback `period − 1`). O(1) per update: the sums
/// Σy and Σ i·y slide with the window, taken about a shift (the newest close at the last
/// recomputation) for precision and recomputed from the window every `period` pushes, so they
/// cannot drift; a window of closes all equal to the shift has slope exactly 0.
public struct TrendSlope: Sendable {
  /// The last `period` closes.
  var window: RingBuffer<Double>
  /// The shift the sums are taken about.
  var shift = 0.0
  /// Σ (y − shift) and Σ i × (y − shift) over the window.
  var sumY = 0.0, sumXY = 0.0
  /// Pushes since the sums were last recomputed.
  var pushesSinceRecompute = 0
  /// Number of window closes different from `shift`.
  var offShiftCount = 0
  /// Slope of the fitted line, quote units per candle; nil during warm-up.
  public private(set) var slope: Double?
  /// `slope / latest close × 100`, percent of the price per candle; nil during warm-up.
  public private(set) var slopePercent: Double?

  /// Creates a trend slope over `period` closes (≥ 2, default 20).
  public init(period: Int = 20) {
    precondition(period >= 2, "trend slope period must be at least 2")
    window = RingBuffer(capacity: period, filler: 0)
  }

  /// Window length in closes.
  public var period: Int { window.capacity }

  /// Adds the newest close.
  public mutating func update(_ close: Double) {
    if window.isEmpty { shift = close }
    let y = close - shift
    let n = window.capacity
    if y != 0 { offShiftCount += 1 }
    if let evicted = window.push(close) {
      let old = evicted - shift
      if old != 0 { offShiftCount -= 1 }
      sumXY = sumXY - (sumY - old) + Double(n - 1) * y
      sumY = sumY - old + y
    } else {
      sumXY += Double(window.count - 1) * y
      sumY += y
    }
    pushesSinceRecompute += 1
    if pushesSinceRecompute >= n { recompute() }
    guard window.isFull else { return }
    let count = Double(n)
    let sumX = count * (count - 1) / 2
    let sumXX = count * (count - 1) * (2 * count - 1) / 6
    let newSlope =
      offShiftCount == 0 ? 0 : (count * sumXY - sumX * sumY) / (count * sumXX - sumX * sumX)
    slope = newSlope
    slopePercent = newSlope / close * 100
  }

  /// Recomputes the sums from the window about its newest close.
  mutating func recompute() {
    pushesSinceRecompute = 0
    shift = window.newest ?? 0
    var y = 0.0
    var xy = 0.0
    offShiftCount = 0
    for index in 0..<window.count {
      let value = window[index] - shift
      if value != 0 { offShiftCount += 1 }
      y += value
      xy += Double(index) * value
    }
    sumY = y
    sumXY = xy
  }
}
