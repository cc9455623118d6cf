/// The most recent timestamped closes, oldest first, in a fixed-capacity ring.
///
/// Feeds ``TimeframeMomentum``: each stored close has a sequence number (0 for the first close
/// ever appended) that stays valid until the close is overwritten, so readers can keep a cursor
/// into the history across updates. Times must be appended in increasing order. Storage for
/// `capacity` closes is allocated once; to measure momentum over a window of W seconds with
/// candles every s seconds, the capacity must be at least W / s + 1.
public struct CloseHistory: Sendable {
  /// Candle times, Unix seconds.
  var times: RingBuffer<Double>
  /// Closes, quote asset.
  var closes: RingBuffer<Double>
  /// Closes appended so far (the next close's sequence number).
  public private(set) var appendedCount = 0

  /// Creates an empty history holding at most `capacity` closes (≥ 2).
  public init(capacity: Int) {
    precondition(capacity >= 2, "close history capacity must be at least 2")
    times = RingBuffer(capacity: capacity, filler: 0)
    closes = RingBuffer(capacity: capacity, filler: 0)
  }

  /// The maximum number of closes held.
  public var capacity: Int { times.capacity }

  /// Number of closes held.
  public var count: Int { times.count }

  /// Sequence number of the oldest close held (equal to `appendedCount` when empty).
  public var firstSequence: Int { appendedCount - times.count }

  /// Sequence number of the newest close held; −1 when empty.
  public var lastSequence: Int { appendedCount - 1 }

  /// Appends the close of a candle at `time` (later than every time appended before).
  public mutating func append(time: UnixTime, close: Double) {
    times.push(time.seconds)
    closes.push(close)
    appendedCount += 1
  }

  /// Time, Unix seconds, of the close with sequence number `sequence` (must be held).
  public func time(at sequence: Int) -> Double {
    times[sequence - firstSequence]
  }

  /// The close with sequence number `sequence` (must be held).
  public func close(at sequence: Int) -> Double {
    closes[sequence - firstSequence]
  }
}
