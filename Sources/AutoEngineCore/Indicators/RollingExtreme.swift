/// The highest or lowest of the last `period` values, updated in O(1) amortised time.
///
/// A monotonic deque: it keeps only the values that can still become the extreme (each newer
/// than, and not dominated by, the ones after it), so a push removes at most the values it
/// dominates plus one that left the window. Storage for `period` entries is allocated once.
/// The extreme exists once `period` values have been pushed.
public struct RollingExtreme: Sendable {
  /// Which extreme to track.
  public enum Kind: Sendable, Hashable {
    /// The highest value of the window.
    case maximum
    /// The lowest value of the window.
    case minimum
  }

  /// Window length in values, ≥ 1.
  public let period: Int
  /// Whether this tracks the maximum or the minimum.
  public let kind: Kind
  /// Deque values, circular, `period` slots.
  var values: ContiguousArray<Double>
  /// Push sequence number of each deque value (0 for the first value ever pushed).
  var sequences: ContiguousArray<Int>
  /// Slot of the deque's front: the extreme of the window.
  var front = 0
  /// Entries in the deque, 0…`period`.
  var length = 0
  /// Values pushed so far.
  public private(set) var pushedCount = 0

  /// Creates an empty rolling extreme over `period` values.
  public init(period: Int, kind: Kind) {
    precondition(period >= 1, "RollingExtreme period must be at least 1")
    self.period = period
    self.kind = kind
    values = ContiguousArray(repeating: 0, count: period)
    sequences = ContiguousArray(repeating: 0, count: period)
  }

  /// The extreme of the last `period` values; nil until `period` values have been pushed.
  public var value: Double? {
    pushedCount >= period ? values[front] : nil
  }

  /// The extreme of the values pushed so far, at most the last `period`; nil before the first.
  public var partialValue: Double? {
    length > 0 ? values[front] : nil
  }

  /// Adds `newValue` as the newest value of the window, dropping the one that leaves it.
  public mutating func push(_ newValue: Double) {
    if length > 0, sequences[front] <= pushedCount - period {
      front = front + 1 == period ? 0 : front + 1
      length -= 1
    }
    while length > 0 {
      var back = front + length - 1
      if back >= period { back -= period }
      let dominated = kind == .maximum ? values[back] <= newValue : values[back] >= newValue
      guard dominated else { break }
      length -= 1
    }
    var slot = front + length
    if slot >= period { slot -= period }
    values[slot] = newValue
    sequences[slot] = pushedCount
    length += 1
    pushedCount += 1
  }
}
