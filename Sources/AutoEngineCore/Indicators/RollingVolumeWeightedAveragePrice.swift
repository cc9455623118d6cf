/// Volume-weighted average price over the last `period` candles, quote asset.
///
/// `VWAP(N) = Σ(typical price × volume) / Σ volume` over the latest N candles (the latest
/// included), typical price `(high + low + close) / 3`. Unlike the cumulative
/// ``VolumeWeightedAveragePrice`` it forgets old candles, so it follows the price in a trend.
/// Warm-up: nil until `period` candles have been seen, and nil while none of the last `period`
/// candles traded a positive volume. The running sums add the newest terms and subtract the
/// evicted ones with compensated (Neumaier) summation and are recomputed from the window every
/// `period` pushes, so they neither drift nor keep a residue of values that left: the value lies
/// within a few ulps of the exact quotient (nil, never ∞, if the products overflow). O(1) per
/// update; storage allocated at `init`.
public struct RollingVolumeWeightedAveragePrice: Sendable {
  /// Typical price × volume of the last `period` candles.
  var weightedPrices: RingBuffer<Double>
  /// Volumes of the last `period` candles.
  var volumes: RingBuffer<Double>
  /// Σ typical price × volume over the window.
  var weightedSum = CompensatedSum()
  /// Σ volume over the window.
  var volumeSum = CompensatedSum()
  /// Candles in the window with a positive volume.
  var tradedCount = 0
  /// Pushes since the sums were last recomputed from the window.
  var pushesSinceRecompute = 0
  /// The VWAP of the last `period` candles, quote asset; nil during warm-up or without volume.
  public private(set) var value: Double?

  /// Creates an empty VWAP over `period` candles (≥ 1, default 20).
  public init(period: Int = 20) {
    precondition(period >= 1, "VWAP period must be at least 1")
    weightedPrices = RingBuffer(capacity: period, filler: 0)
    volumes = RingBuffer(capacity: period, filler: 0)
  }

  /// Window length in candles.
  public var period: Int { volumes.capacity }

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    let volume = candle.volume
    let weighted = candle.typicalPrice * volume
    if volume > 0 { tradedCount += 1 }
    let evictedVolume = volumes.push(volume)
    let evictedWeighted = weightedPrices.push(weighted)
    weightedSum.add(weighted)
    volumeSum.add(volume)
    if let evictedVolume, let evictedWeighted {
      if evictedVolume > 0 { tradedCount -= 1 }
      weightedSum.add(-evictedWeighted)
      volumeSum.add(-evictedVolume)
    }
    pushesSinceRecompute += 1
    if pushesSinceRecompute >= period { recompute() }
    guard volumes.isFull, tradedCount > 0 else {
      value = nil
      return
    }
    let total = volumeSum.value
    let quotient = weightedSum.value / total
    value = total > 0 && quotient.isFinite ? quotient : nil
  }

  /// Recomputes both sums from the window, oldest first.
  mutating func recompute() {
    pushesSinceRecompute = 0
    weightedSum = CompensatedSum()
    volumeSum = CompensatedSum()
    for index in 0..<volumes.count {
      weightedSum.add(weightedPrices[index])
      volumeSum.add(volumes[index])
    }
  }
}
