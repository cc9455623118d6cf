public import AutoEngineCore

/// A coin's recent prices with their times, in a ring buffer of fixed capacity.
///
/// Sized to cover the longest window read from it (1 hour of 10-second ticks = 360 samples, plus
/// slack); older samples are overwritten, so memory never grows.
public struct PriceHistory: Sendable {
  /// One observed price.
  public struct Sample: Hashable, Sendable {
    /// When the price was observed.
    public var time: UnixTime
    /// The price, quote asset.
    public var price: Double
  }

  private var samples: RingBuffer<Sample>

  /// Creates an empty history holding at most `capacity` samples (≥ 1).
  public init(capacity: Int = 400) {
    samples = RingBuffer(capacity: max(1, capacity), filler: Sample(time: UnixTime(seconds: 0), price: 0))
  }

  /// Number of samples held.
  public var count: Int { samples.count }

  /// The newest sample.
  public var latest: Sample? { samples.count == 0 ? nil : samples[samples.count - 1] }

  /// Appends a sample; samples not newer than the latest are ignored.
  public mutating func append(price: Double, at time: UnixTime) {
    guard price.isFinite, price > 0 else { return }
    if let latest, time <= latest.time { return }
    _ = samples.push(Sample(time: time, price: price))
  }

  /// The samples with time ≥ `start`, oldest first.
  public func samples(since start: UnixTime) -> [Sample] {
    var result: [Sample] = []
    for index in 0..<samples.count where samples[index].time >= start { result.append(samples[index]) }
    return result
  }

  /// Up to `points` prices evenly spaced over `[now − span, now]`, oldest first: each point is
  /// the latest price at or before its time (points before the first sample are skipped).
  public func sparkline(points: Int, span: Double, now: UnixTime) -> [Double] {
    guard points > 0, span > 0, samples.count > 0 else { return [] }
    var result: [Double] = []
    result.reserveCapacity(points)
    var index = 0
    for step in 0..<points {
      let time = now.adding(-span + span * Double(step) / Double(max(1, points - 1)))
      while index + 1 < samples.count, samples[index + 1].time <= time { index += 1 }
      if samples[index].time <= time { result.append(samples[index].price) }
    }
    return result
  }
}
