/// The highest or lowest of the last `period` values, with a tag recorded alongside it and its age.
///
/// The same monotonic deque as ``RollingExtreme`` (O(1) amortised per push, storage for `period`
/// entries allocated once), where each value carries a tag — e.g. a candle's low carries the MACD
/// line at that candle — so the extreme comes with the tag of the push that set it. When several
/// values in the window tie for the extreme, the most recent one wins (its tag and age are
/// reported). The extreme exists once `period` values have been pushed.
public struct TaggedRollingExtreme: Sendable {
  /// Window length in values, ≥ 1.
  public let period: Int
  /// Whether this tracks the maximum or the minimum.
  public let kind: RollingExtreme.Kind
  /// Deque values, circular, `period` slots.
  var values: ContiguousArray<Double>
  /// The tag pushed with each deque value.
  var tags: ContiguousArray<Double>
  /// Push sequence number of each deque value (0 for the first value ever pushed).
  var sequences: ContiguousArray<Int>
  /// Slot of the deque's front: the extreme of the window.
  var front = 0
  /// Entries in the deque, 0…`period`.
  var length = 0
  /// Values pushed so far.
  public private(set) var pushedCount = 0

  /// Creates an empty tagged extreme over `period` values.
  public init(period: Int, kind: RollingExtreme.Kind) {
    precondition(period >= 1, "TaggedRollingExtreme period must be at least 1")
    self.period = period
    self.kind = kind
    values = ContiguousArray(repeating: 0, count: period)
    tags = ContiguousArray(repeating: 0, count: period)
    sequences = ContiguousArray(repeating: 0, count: period)
  }

  /// Whether `period` values have been pushed (the extreme, tag and age exist).
  public var isFull: Bool { pushedCount >= period }

  /// The extreme of the last `period` values; nil until `period` values have been pushed.
  public var value: Double? { isFull ? values[front] : nil }

  /// The tag pushed with the extreme (the most recent of tied extremes); nil until full.
  public var tag: Double? { isFull ? tags[front] : nil }

  /// Pushes since the extreme was pushed, 1…`period` (1: it was the newest value), counted as if
  /// the next push were about to happen; nil until full.
  public var age: Int? { isFull ? pushedCount - sequences[front] : nil }

  /// Adds `newValue` with its `tag` as the newest entry of the window, dropping the one that
  /// leaves it.
  public mutating func push(_ newValue: Double, tag newTag: Double) {
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
    tags[slot] = newTag
    sequences[slot] = pushedCount
    length += 1
    pushedCount += 1
  }
}
