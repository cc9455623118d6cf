import Synchronization

/// The most recent durations of one step (e.g. fetch-to-publish), for status and benchmarks.
///
/// Keeps the last `capacity` samples in a fixed ring; thread-safe.
public final class LatencyRecorder: Sendable {
  private struct Ring {
    var samples: [Double]
    var next = 0
    var count = 0
  }

  private let ring: Mutex<Ring>

  /// Creates a recorder keeping the last `capacity` samples (≥ 1).
  public init(capacity: Int = 4096) {
    ring = Mutex(Ring(samples: [Double](repeating: 0, count: max(1, capacity))))
  }

  /// Records one duration, seconds.
  public func record(_ seconds: Double) {
    ring.withLock { ring in
      ring.samples[ring.next] = seconds
      ring.next = (ring.next + 1) % ring.samples.count
      ring.count = min(ring.count + 1, ring.samples.count)
    }
  }

  /// The recorded durations, seconds, in no particular order.
  public var samples: [Double] { ring.withLock { Array($0.samples.prefix($0.count)) } }

  /// The `fraction` quantile (0.5 = median) of the recorded durations, seconds; nil when empty.
  public func quantile(_ fraction: Double) -> Double? {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return nil }
    let index = min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))
    return sorted[index]
  }
}
