/// Rate of change (TA-Lib `ROC`): `(close / close[−period] − 1) × 100`, percent.
///
/// Compares the newest close with the one `period` candles earlier. Warm-up: nil until
/// `period + 1` closes have been seen (TA-Lib lookback `period`). Closes of well-formed candles
/// are positive, so the division is always defined. O(1) per update.
public struct RateOfChange: Sendable {
  /// The last `period + 1` closes.
  var closes: RingBuffer<Double>
  /// The current rate of change, percent; nil during warm-up.
  public private(set) var value: Double?

  /// Creates a rate of change over `period` candles (default 10).
  public init(period: Int = 10) {
    precondition(period >= 1, "ROC period must be at least 1")
    closes = RingBuffer(capacity: period + 1, filler: 0)
  }

  /// Number of candles between the compared closes.
  public var period: Int { closes.capacity - 1 }

  /// Adds the newest close.
  public mutating func update(_ close: Double) {
    closes.push(close)
    guard closes.isFull, let reference = closes.oldest, reference != 0 else { return }
    value = (close / reference - 1) * 100
  }
}
