/// Mean and population variance of the last `period` values, updated in O(1) without drift.
///
/// Sums are kept of the deviations from a shift value `K` (the newest value at the last
/// recomputation), which avoids the catastrophic cancellation of `E[x²] − E[x]²` when the
/// values are large relative to their spread (prices). Every `period` pushes the sums are
/// recomputed from the window with a fresh shift, so rounding errors cannot accumulate.
/// A window whose values all equal `K` has exactly mean `K` and variance 0 (no residue of values
/// that have left), and variances within the rounding noise of the sums (≤ 64 ulp of the mean
/// square deviation from `K`) count as zero, so a constant window never reports a garbage spread.
/// Storage is allocated once, at `init`.
public struct RollingMoments: Sendable {
  /// The last `period` values.
  var window: RingBuffer<Double>
  /// The shift `K` the sums are taken about.
  var shift: Double = 0
  /// Σ (x − K) over the window.
  var sumDeviation: Double = 0
  /// Σ (x − K)² over the window.
  var sumSquaredDeviation: Double = 0
  /// Pushes since the sums were last recomputed from the window.
  var pushesSinceRecompute = 0
  /// Number of window values different from `shift`.
  var offShiftCount = 0

  /// Creates empty moments over `period` values (≥ 1).
  public init(period: Int) {
    window = RingBuffer(capacity: period, filler: 0)
  }

  /// Window length in values.
  public var period: Int { window.capacity }

  /// Whether `period` values have been pushed.
  public var isFull: Bool { window.isFull }

  /// The newest value, or nil when empty.
  public var newest: Double? { window.newest }

  /// Adds `value` as the newest value, dropping the oldest when the window is full.
  public mutating func push(_ value: Double) {
    if window.isEmpty { shift = value }
    let deviation = value - shift
    if deviation != 0 { offShiftCount += 1 }
    if let evicted = window.push(value) {
      if evicted != shift { offShiftCount -= 1 }
      let evictedDeviation = evicted - shift
      sumDeviation += deviation - evictedDeviation
      sumSquaredDeviation += (deviation - evictedDeviation) * (deviation + evictedDeviation)
    } else {
      sumDeviation += deviation
      sumSquaredDeviation += deviation * deviation
    }
    pushesSinceRecompute += 1
    if pushesSinceRecompute >= window.capacity { recompute() }
  }

  /// Mean of the last `period` values; nil until the window is full.
  public var mean: Double? {
    guard window.isFull else { return nil }
    if offShiftCount == 0 { return shift }
    return shift + sumDeviation / Double(window.capacity)
  }

  /// Population variance (divisor `period`) of the last `period` values, ≥ 0; nil until full.
  public var variance: Double? {
    guard window.isFull else { return nil }
    if offShiftCount == 0 { return 0 }
    let n = Double(window.capacity)
    let meanSquare = sumSquaredDeviation / n
    let meanDeviation = sumDeviation / n
    let variance = meanSquare - meanDeviation * meanDeviation
    return variance <= 64 * Double.ulpOfOne * meanSquare ? 0 : variance
  }

  /// Population standard deviation of the last `period` values, ≥ 0; nil until full.
  public var standardDeviation: Double? {
    variance.map { $0.squareRoot() }
  }

  /// Recomputes the sums from the window about its newest value.
  mutating func recompute() {
    pushesSinceRecompute = 0
    shift = window.newest ?? 0
    var sum = 0.0
    var sumSquares = 0.0
    offShiftCount = 0
    for index in 0..<window.count {
      let deviation = window[index] - shift
      if deviation != 0 { offShiftCount += 1 }
      sum += deviation
      sumSquares += deviation * deviation
    }
    sumDeviation = sum
    sumSquaredDeviation = sumSquares
  }
}
