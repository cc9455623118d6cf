/// Relative strength index with Wilder smoothing (TA-Lib `RSI`), 0–100.
///
/// Average gain and loss start as the plain means of the first `period` close-to-close changes,
/// then follow Wilder's recursion `avg = (avg × (period − 1) + change) / period`, exactly in
/// TA-Lib's order of operations. `RSI = 100 × avgGain / (avgGain + avgLoss)`.
/// Warm-up: nil until `period + 1` closes have been seen (TA-Lib lookback `period`).
/// Differences from TA-Lib: when both averages are exactly zero (no movement at all) the RSI is
/// undefined and reported as nil; TA-Lib prints 0 whenever the sum is below 1e-8 in price units.
public struct RelativeStrengthIndex: Sendable {
  /// Number of changes averaged, ≥ 1.
  public let period: Int
  /// The previous close, nil before the first.
  var previousClose: Double?
  /// Changes seen so far.
  var changeCount = 0
  /// Wilder-smoothed average gain (a plain sum until the seed), quote units.
  var averageGain: Double = 0
  /// Wilder-smoothed average loss, positive (a plain sum until the seed), quote units.
  var averageLoss: Double = 0
  /// The current RSI, 0–100; nil during warm-up or when price has not moved.
  public private(set) var value: Double?

  /// Creates an RSI over `period` changes (default 14).
  public init(period: Int = 14) {
    precondition(period >= 1, "RSI period must be at least 1")
    self.period = period
  }

  /// Adds the newest close.
  public mutating func update(_ close: Double) {
    guard let previous = previousClose else {
      previousClose = close
      return
    }
    previousClose = close
    let change = close - previous
    changeCount += 1
    let n = Double(period)
    if changeCount <= period {
      if change < 0 { averageLoss -= change } else { averageGain += change }
      guard changeCount == period else { return }
      averageLoss /= n
      averageGain /= n
    } else {
      averageLoss *= n - 1
      averageGain *= n - 1
      if change < 0 { averageLoss -= change } else { averageGain += change }
      averageLoss /= n
      averageGain /= n
    }
    let total = averageGain + averageLoss
    value = total > 0 ? 100 * (averageGain / total) : nil
  }
}
