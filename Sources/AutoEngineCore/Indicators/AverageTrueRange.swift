/// Average true range with Wilder smoothing (TA-Lib `ATR`), in quote units and percent.
///
/// True range of a candle = max(high − low, |high − previous close|, |low − previous close|),
/// so the first candle has none. The first ATR is the mean of the first `period` true ranges
/// (candles 2…`period + 1`), then `atr = (atr × (period − 1) + tr) / period`, in TA-Lib's order
/// of operations. Warm-up: nil until `period + 1` candles (TA-Lib lookback `period`).
public struct AverageTrueRange: Sendable {
  /// Number of true ranges averaged (default 14).
  public let period: Int
  /// The previous close, nil before the first candle.
  var previousClose: Double?
  /// True ranges seen so far.
  var rangeCount = 0
  /// Sum of the true ranges before the seed.
  var seedSum: Double = 0
  /// The current ATR, quote asset, ≥ 0; nil during warm-up.
  public private(set) var value: Double?
  /// ATR as a percent of the latest close.
  public private(set) var percentOfClose: Double?

  /// Creates an ATR over `period` true ranges (default 14).
  public init(period: Int = 14) {
    precondition(period >= 1, "ATR period must be at least 1")
    self.period = period
  }

  /// The true range of `candle` after a candle that closed at `previousClose`.
  public static func trueRange(of candle: Candle, previousClose: Double) -> Double {
    var range = candle.high - candle.low
    let fromHigh = (candle.high - previousClose).magnitude
    if fromHigh > range { range = fromHigh }
    let fromLow = (candle.low - previousClose).magnitude
    if fromLow > range { range = fromLow }
    return range
  }

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    defer { previousClose = candle.close }
    guard let previous = previousClose else { return }
    let range = Self.trueRange(of: candle, previousClose: previous)
    rangeCount += 1
    let n = Double(period)
    if let current = value {
      value = (current * (n - 1) + range) / n
    } else {
      seedSum += range
      guard rangeCount == period else { return }
      value = seedSum / n
    }
    if let current = value { percentOfClose = current / candle.close * 100 }
  }
}
