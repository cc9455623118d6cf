/// Pearson correlation of close-to-close returns with volume over a window, −1…1.
///
/// Each candle after the first contributes the pair (return, volume), return =
/// `close / previous close − 1`. The value is the population correlation of the last `period`
/// pairs. Warm-up: nil until `period + 1` candles. nil when either series is constant over the
/// window (zero deviation). O(1) per update: five running sums about per-series shifts,
/// recomputed from the window every `period` pushes (no drift); as in ``RollingMoments``, a
/// series whose values all equal its shift is exactly constant, and variances within the sums'
/// rounding noise count as zero.
public struct PriceVolumeCorrelation: Sendable {
  /// The last `period` returns and volumes.
  var returns: RingBuffer<Double>, volumes: RingBuffer<Double>
  /// Shifts of the return and volume sums.
  var returnShift = 0.0, volumeShift = 0.0
  /// Σx, Σy, Σx², Σy², Σxy of the shifted returns (x) and volumes (y).
  var sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumYY = 0.0, sumXY = 0.0
  /// Pushes since the sums were last recomputed.
  var pushesSinceRecompute = 0
  /// Numbers of window returns and volumes different from their shifts.
  var offShiftReturns = 0, offShiftVolumes = 0
  /// The previous close, nil before the first candle.
  var previousClose: Double?
  /// The current correlation, −1…1; nil during warm-up or when a series is constant.
  public private(set) var value: Double?

  /// Creates a correlation over `period` return–volume pairs (≥ 2, default 20).
  public init(period: Int = 20) {
    precondition(period >= 2, "correlation period must be at least 2")
    returns = RingBuffer(capacity: period, filler: 0)
    volumes = RingBuffer(capacity: period, filler: 0)
  }

  /// Number of pairs in the window.
  public var period: Int { returns.capacity }

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    defer { previousClose = candle.close }
    guard let previous = previousClose else { return }
    let change = candle.close / previous - 1
    if returns.isEmpty {
      returnShift = change
      volumeShift = candle.volume
    }
    let x = change - returnShift
    let y = candle.volume - volumeShift
    if x != 0 { offShiftReturns += 1 }
    if y != 0 { offShiftVolumes += 1 }
    sumX += x
    sumY += y
    sumXX += x * x
    sumYY += y * y
    sumXY += x * y
    let evictedReturn = returns.push(change)
    let evictedVolume = volumes.push(candle.volume)
    if let evictedReturn, let evictedVolume {
      let oldX = evictedReturn - returnShift
      let oldY = evictedVolume - volumeShift
      if oldX != 0 { offShiftReturns -= 1 }
      if oldY != 0 { offShiftVolumes -= 1 }
      sumX -= oldX
      sumY -= oldY
      sumXX -= oldX * oldX
      sumYY -= oldY * oldY
      sumXY -= oldX * oldY
    }
    pushesSinceRecompute += 1
    if pushesSinceRecompute >= returns.capacity { recompute() }
    guard returns.isFull else { return }
    value = correlation()
  }

  /// The correlation of the full window from the running sums; nil when a series is constant.
  func correlation() -> Double? {
    guard offShiftReturns > 0, offShiftVolumes > 0 else { return nil }
    let n = Double(returns.capacity)
    let meanX = sumX / n
    let meanY = sumY / n
    let meanSquareX = sumXX / n
    let meanSquareY = sumYY / n
    let varianceX = meanSquareX - meanX * meanX
    let varianceY = meanSquareY - meanY * meanY
    let noise = 64 * Double.ulpOfOne
    guard varianceX > noise * meanSquareX, varianceY > noise * meanSquareY else { return nil }
    let covariance = sumXY / n - meanX * meanY
    let r = covariance / (varianceX * varianceY).squareRoot()
    return min(1, max(-1, r))
  }

  /// Recomputes the sums from the window about its newest pair.
  mutating func recompute() {
    pushesSinceRecompute = 0
    returnShift = returns.newest ?? 0
    volumeShift = volumes.newest ?? 0
    sumX = 0
    sumY = 0
    sumXX = 0
    sumYY = 0
    sumXY = 0
    offShiftReturns = 0
    offShiftVolumes = 0
    for index in 0..<returns.count {
      let x = returns[index] - returnShift
      let y = volumes[index] - volumeShift
      if x != 0 { offShiftReturns += 1 }
      if y != 0 { offShiftVolumes += 1 }
      sumX += x
      sumY += y
      sumXX += x * x
      sumYY += y * y
      sumXY += x * y
    }
  }
}
