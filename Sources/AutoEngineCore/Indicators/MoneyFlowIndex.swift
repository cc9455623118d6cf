/// Money flow index (TA-Lib `MFI`), 0–100: a volume-weighted RSI of the typical price.
///
/// Raw money flow = typical price × volume; it counts as positive when the typical price rose
/// from the previous candle, negative when it fell, and neither when unchanged.
/// `MFI = 100 × Σ positive / (Σ positive + Σ negative)` over the last `period` flows. Warm-up:
/// nil until `period + 1` candles (TA-Lib lookback `period`). Differences from TA-Lib: when both
/// sums are zero (no volume or no movement) the MFI is nil; TA-Lib prints 0 whenever the total
/// money flow is below 1.0 in quote units, which depends on the price scale. O(1) per update.
public struct MoneyFlowIndex: Sendable {
  /// Positive money flows of the window (0 where the flow was not positive).
  var positiveFlows: RollingSum
  /// Negative money flows of the window, as positive numbers (0 where not negative).
  var negativeFlows: RollingSum
  /// The previous typical price, nil before the first candle.
  var previousTypicalPrice: Double?
  /// The current MFI, 0–100; nil during warm-up or when there was no money flow.
  public private(set) var value: Double?

  /// Creates an MFI over `period` money flows (default 14).
  public init(period: Int = 14) {
    positiveFlows = RollingSum(period: period)
    negativeFlows = RollingSum(period: period)
  }

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    let typical = candle.typicalPrice
    defer { previousTypicalPrice = typical }
    guard let previous = previousTypicalPrice else { return }
    let flow = typical * candle.volume
    positiveFlows.push(typical > previous ? flow : 0)
    negativeFlows.push(typical < previous ? flow : 0)
    guard positiveFlows.isFull else { return }
    let positive = positiveFlows.sum
    let total = positive + negativeFlows.sum
    value = total > 0 ? min(100, max(0, 100 * (positive / total))) : nil
  }
}
