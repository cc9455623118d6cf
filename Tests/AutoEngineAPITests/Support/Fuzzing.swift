import Foundation
import GRPCCore

/// SplitMix64: a tiny seeded generator, so that a fuzz run is reproducible from its seed.
struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose sequence is fixed by `seed`.
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// True with probability `percent`/100.
  mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }

  /// One of `choices`.
  mutating func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &self)] }

  /// `count` random bytes.
  mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) } }
}

/// Passes a message's bytes through untouched, to send arbitrary bytes to (and read the raw
/// answer of) any RPC.
struct RawBytesCoder: MessageSerializer, MessageDeserializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }

  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
    serializedMessageBytes.withUnsafeBytes { Array($0) }
  }
}

/// Random values of the kinds the API takes, weighted towards the edges a parser gets wrong.
enum FuzzValues {
  /// Symbols that exist, ones that almost do, and garbage.
  static func symbol(_ rng: inout SeededGenerator) -> String {
    switch Int.random(in: 0..<8, using: &rng) {
    case 0, 1: rng.pick(["BTCUSDT", "ETH-USD", "btcusdt", "eth-usd", "SOLUSDT", "DOGE-USD"])
    case 2: ""
    case 3: rng.pick(["BTC", "-", "BTC--USD", "BTCUSDTT", " BTCUSDT", "BTCUSDT\u{0}", "ÄÖÜ-€", "💥-USD", "../etc"])
    case 4: String(repeating: "A", count: Int.random(in: 100...5_000, using: &rng))
    default: string(&rng)
    }
  }

  /// A short random string of printable ASCII, control characters and non-ASCII scalars.
  static func string(_ rng: inout SeededGenerator) -> String {
    let count = Int.random(in: 0...24, using: &rng)
    var scalars = String.UnicodeScalarView()
    for _ in 0..<count {
      let value: UInt32 =
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: UInt32.random(in: 0..<0x20, using: &rng)
        case 1: UInt32.random(in: 0x80..<0xD800, using: &rng)
        case 2: UInt32.random(in: 0x1_F300..<0x1_F600, using: &rng)
        default: UInt32.random(in: 0x20..<0x7F, using: &rng)
        }
      if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
    }
    return String(scalars)
  }

  /// Decimal amounts: sensible, zero, negative, tiny, huge, exponent forms and not numbers.
  static func decimal(_ rng: inout SeededGenerator) -> String {
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: rng.pick(["10", "20", "0.5", "1", "100", "25.5", "0.0001"])
    case 1:
      rng.pick([
        "0", "-1", "-0", "1e400", "1E-400", "NaN", "Infinity", "-Infinity", "", " ", "1,5", "0x10",
        "99999999999999999999999999999999999999999999", "0.000000000000000000000000000000000000001", "1..2", "+5",
        ".5", "5.", "١٢٣",
      ])
    case 2: String(Double.random(in: -1e12...1e12, using: &rng))
    default: string(&rng)
    }
  }

  /// An enum's number: a defined one mostly, else anything that fits the wire type.
  static func enumNumber(_ rng: inout SeededGenerator, cases: Int) -> Int {
    rng.chance(70) ? Int.random(in: 0..<cases, using: &rng) : rng.pick([-1, cases, 99, Int(Int32.max), Int(Int32.min)])
  }

  /// A count or limit: small, zero or huge.
  static func count(_ rng: inout SeededGenerator) -> UInt32 {
    let any = UInt32.random(in: 0...UInt32.max, using: &rng)
    return rng.pick([0, 1, 5, 100, 1_000, 10_000, UInt32.max, any])
  }
}
