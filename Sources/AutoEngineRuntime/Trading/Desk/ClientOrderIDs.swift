import AutoEngineCore

/// Generates client order ids: `ae-` + milliseconds since the epoch in base 36 + `-` + 8 random
/// hex digits, e.g. `ae-mhx3k2a1q-9f3c01be` (≤ 36 characters of `[a-z0-9-]`, accepted by both
/// exchanges). The journal's UNIQUE constraint is the final guard against a repeat.
struct ClientOrderIDs {
  private var generator = SystemRandomNumberGenerator()

  /// A fresh id with `prefix` (`ae` for orders, `d` for decisions) at `now`.
  mutating func next(prefix: String = "ae", at now: UnixTime) -> String {
    let millis = Int64(max(0, (now.seconds * 1000).rounded(.down)))
    let hex = String(UInt32.random(in: .min ... .max, using: &generator), radix: 16)
    return "\(prefix)-\(String(millis, radix: 36))-\(String(repeating: "0", count: 8 - hex.count))\(hex)"
  }

  /// True when `id` is a client order id both exchanges accept: 1–36 characters of
  /// `[A-Za-z0-9_-]`.
  static func isValid(_ id: String) -> Bool {
    (1...36).contains(id.count)
      && id.unicodeScalars.allSatisfy { scalar in
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_": true
        default: false
        }
      }
  }
}
