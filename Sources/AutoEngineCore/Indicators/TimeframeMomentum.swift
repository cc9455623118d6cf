/// Price change over a fixed span of wall-clock time, percent, from a ``CloseHistory``.
///
/// After each candle at time t: the reference is the latest stored close at or before
/// `t − windowSeconds`, and momentum = `(latest close / reference − 1) × 100`. It is nil when
/// * no stored close is that old (the history does not reach back — warm-up, or the history's
///   capacity is too small for the candle spacing), or
/// * the close stored right after the reference is more than `windowSeconds` later than it: the
///   candle spacing there is longer than the window (a 1-minute momentum over 5-minute candles,
///   or a gap in the data), so the reference does not describe the price `windowSeconds` ago.
/// For 5-minute candles: 1 m is always nil, 5 m compares with the previous candle, 15 m with the
/// third before, 1 h with the twelfth before. A cursor that only moves forward finds the
/// reference, so an update costs O(1) amortised.
public struct TimeframeMomentum: Sendable {
  /// Length of the window, seconds (> 0).
  public let windowSeconds: Double
  /// Sequence number of the reference candidate in the history.
  var cursor = 0
  /// The current momentum, percent; nil as described above.
  public private(set) var percent: Double?

  /// Creates a momentum over `windowSeconds` seconds of wall-clock time.
  public init(windowSeconds: Double) {
    precondition(windowSeconds > 0, "momentum window must be positive")
    self.windowSeconds = windowSeconds
  }

  /// Re-reads `history` after its newest close was appended.
  public mutating func update(from history: borrowing CloseHistory) {
    let last = history.lastSequence
    guard last >= 0 else {
      percent = nil
      return
    }
    let target = history.time(at: last) - windowSeconds
    cursor = max(cursor, history.firstSequence)
    while cursor < last, history.time(at: cursor + 1) <= target { cursor += 1 }
    let referenceTime = history.time(at: cursor)
    guard cursor < last, referenceTime <= target,
      history.time(at: cursor + 1) - referenceTime <= windowSeconds
    else {
      percent = nil
      return
    }
    percent = (history.close(at: last) / history.close(at: cursor) - 1) * 100
  }
}
