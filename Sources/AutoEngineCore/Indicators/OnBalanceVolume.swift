/// On-balance volume (TA-Lib `OBV`) and its simple moving average, base-asset units.
///
/// Starts at the first candle's volume (as TA-Lib does); each later candle adds its volume when
/// it closes above the previous close, subtracts it when below, and leaves OBV unchanged on an
/// equal close. The cumulative sum is compensated (no drift over any history length).
/// Warm-up: OBV exists from the first candle; its SMA after `averagePeriod` candles.
public struct OnBalanceVolume: Sendable {
  /// The running OBV.
  var total = CompensatedSum()
  /// The previous close, nil before the first candle.
  var previousClose: Double?
  /// SMA of OBV.
  var average: SimpleMovingAverage
  /// The current OBV, base asset; nil before the first candle.
  public private(set) var value: Double?
  /// SMA of OBV over `averagePeriod` candles; nil during its warm-up.
  public var averageValue: Double? { average.value }

  /// Creates an OBV whose moving average spans `averagePeriod` candles (default 20).
  public init(averagePeriod: Int = 20) {
    average = SimpleMovingAverage(period: averagePeriod)
  }

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    if let previous = previousClose {
      if candle.close > previous {
        total.add(candle.volume)
      } else if candle.close < previous {
        total.add(-candle.volume)
      }
    } else {
      total.add(candle.volume)
    }
    previousClose = candle.close
    let current = total.value
    value = current
    average.update(current)
  }
}
