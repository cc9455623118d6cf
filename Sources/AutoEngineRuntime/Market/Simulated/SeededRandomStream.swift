#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A seeded pseudo-random stream (SplitMix64) with the draws the simulated market needs.
///
/// Deterministic on every platform: the same seed and label give the same numbers in every
/// process (the label is hashed with FNV-1a, never with Swift's per-process randomised `Hasher`).
/// Each asset, each coin and the market factor draw from their own stream, so adding a coin does
/// not change the path of another.
struct SeededRandomStream: Sendable {
  private var state: UInt64

  /// The stream of `label` (e.g. `asset:BTC`) under the market's `seed`.
  init(seed: UInt64, label: String) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in label.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    var mixer = SeededRandomStream(state: seed)
    state = mixer.next() ^ hash
    _ = next()
  }

  private init(state: UInt64) { self.state = state }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// Uniform in the open interval (0, 1).
  mutating func uniform() -> Double {
    (Double(next() >> 11) + 0.5) * 0x1p-53
  }

  /// Uniform in `range`.
  mutating func uniform(in range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
  }

  /// Standard normal (Box–Muller, one variate per call).
  mutating func normal() -> Double {
    let radius = (-2 * log(uniform())).squareRoot()
    return radius * cos(2 * Double.pi * uniform())
  }

  /// Exponential with the given mean.
  mutating func exponential(mean: Double) -> Double {
    -mean * log(uniform())
  }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool {
    uniform() < probability
  }
}
