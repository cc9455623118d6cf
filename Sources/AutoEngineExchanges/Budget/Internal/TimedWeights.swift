/// Weights stamped with the time they were spent, oldest first, for a sliding-window sum.
///
/// Appends are O(1) amortised; expired entries are dropped from the front by `prune(through:)`.
struct TimedWeights: Sendable {
  private var times: [Double] = []
  private var weights: [Int] = []
  private var head = 0
  private(set) var total = 0

  /// Number of live entries.
  var count: Int { times.count - head }

  /// Time of the oldest live entry, seconds since the epoch.
  var oldestTime: Double? { head < times.count ? times[head] : nil }

  /// Records `weight` spent at `time` (times must not decrease).
  mutating func append(_ weight: Int, at time: Double) {
    times.append(time)
    weights.append(weight)
    total += weight
  }

  /// Drops every entry stamped at or before `cutoff` (it has left the window).
  mutating func prune(through cutoff: Double) {
    while head < times.count, times[head] <= cutoff {
      total -= weights[head]
      head += 1
    }
    if head > 64, head * 2 > times.count {
      times.removeFirst(head)
      weights.removeFirst(head)
      head = 0
    }
  }

  /// The earliest time at which the live weight drops to at most `target` as entries expire
  /// after `window` seconds, or nil when it is already there.
  func timeWhenTotal(atMost target: Int, window: Double) -> Double? {
    guard total > target else { return nil }
    var remaining = total
    var index = head
    while index < times.count, remaining > target {
      remaining -= weights[index]
      index += 1
    }
    return times[index - 1] + window
  }
}
