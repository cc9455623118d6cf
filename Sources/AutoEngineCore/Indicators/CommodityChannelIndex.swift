/// Commodity channel index (TA-Lib `CCI`), unbounded, typically within ±300.
///
/// `CCI = (TP − SMA(TP)) / (0.015 × mean absolute deviation of TP from that SMA)` over the last
/// `period` candles, TP the typical price `(high + low + close) / 3`. Warm-up: nil until `period`
/// candles (TA-Lib lookback `period − 1`). The mean deviation is taken about the current mean,
/// which cannot be updated incrementally, so each update sums the window afresh: O(`period`)
/// (20 subtractions), like TA-Lib — which also means the sums cannot drift. Differences from
/// TA-Lib: a zero mean deviation (constant typical price) gives nil (TA-Lib prints 0).
public struct CommodityChannelIndex: Sendable {
  /// The last `period` typical prices.
  var typicalPrices: RingBuffer<Double>
  /// The current CCI; nil during warm-up or when the typical price is constant.
  public private(set) var value: Double?

  /// Creates a CCI over `period` candles (default 20).
  public init(period: Int = 20) {
    precondition(period >= 1, "CCI period must be at least 1")
    typicalPrices = RingBuffer(capacity: period, filler: 0)
  }

  /// Window length in candles.
  public var period: Int { typicalPrices.capacity }

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    let typical = candle.typicalPrice
    typicalPrices.push(typical)
    guard typicalPrices.isFull else { return }
    let (mean, deviation) = typicalPrices.withFullStorage { window in
      var sum = 0.0
      for price in window { sum += price }
      let mean = sum / Double(window.count)
      var deviation = 0.0
      for price in window { deviation += (price - mean).magnitude }
      return (mean, deviation / Double(window.count))
    }
    value = deviation > 0 ? (typical - mean) / (0.015 * deviation) : nil
  }
}
