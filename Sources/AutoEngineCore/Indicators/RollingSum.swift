/// The sum of the last `period` values, updated in O(1) without drift.
///
/// The running total adds the newest value and subtracts the evicted one; to keep rounding
/// errors from accumulating over millions of updates, it is recomputed from the window (in
/// chronological order) every `period` pushes, so the error never exceeds that of `period`
/// additions and subtractions. When every value in the window is zero the sum is exactly 0 (no
/// rounding residue of values that have left). Storage is allocated once, at `init`.
public struct RollingSum: Sendable {
  /// The last `period` values.
  var window: RingBuffer<Double>
  /// Running total of `window`.
  var total: Double = 0
  /// Pushes since the total was last recomputed from the window.
  var pushesSinceRecompute = 0
  /// Number of non-zero values in `window`.
  var nonZeroCount = 0

  /// Creates an empty rolling sum over `period` values (≥ 1).
  public init(period: Int) {
    window = RingBuffer(capacity: period, filler: 0)
  }

  /// Window length in values.
  public var period: Int { window.capacity }

  /// Values held, 0…`period`.
  public var count: Int { window.count }

  /// Whether `period` values have been pushed.
  public var isFull: Bool { window.isFull }

  /// Sum of the values held (all pushed values until the window is full).
  public var sum: Double { nonZeroCount == 0 ? 0 : total }

  /// Mean of the last `period` values; nil until the window is full.
  public var mean: Double? { window.isFull ? sum / Double(window.capacity) : nil }

  /// The newest value, or nil when empty.
  public var newest: Double? { window.newest }

  /// Adds `value` as the newest value, dropping the oldest when the window is full.
  public mutating func push(_ value: Double) {
    if value != 0 { nonZeroCount += 1 }
    if let evicted = window.push(value) {
      total += value
      total -= evicted
      if evicted != 0 { nonZeroCount -= 1 }
    } else {
      total += value
    }
    pushesSinceRecompute += 1
    if pushesSinceRecompute >= window.capacity {
      pushesSinceRecompute = 0
      var fresh = 0.0
      for index in 0..<window.count { fresh += window[index] }
      total = fresh
    }
  }
}
