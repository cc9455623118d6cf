/// Simple moving average (TA-Lib `SMA`): the arithmetic mean of the last `period` values.
///
/// Output unit: the input's unit. Warm-up: `value` is nil until `period` values have been seen
/// (TA-Lib lookback `period − 1`). O(1) per update; the running sum is drift-free (see
/// ``RollingSum``).
public struct SimpleMovingAverage: Sendable {
  /// The last `period` values and their sum.
  var window: RollingSum
  /// The mean of the last `period` values; nil during warm-up.
  public private(set) var value: Double?

  /// Creates an SMA over `period` values (≥ 1).
  public init(period: Int) {
    window = RollingSum(period: period)
  }

  /// Window length in values.
  public var period: Int { window.period }

  /// Adds the newest value.
  public mutating func update(_ newValue: Double) {
    window.push(newValue)
    value = window.mean
  }
}
