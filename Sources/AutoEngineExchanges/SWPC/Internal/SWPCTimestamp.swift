import AutoEngineCore

/// The timestamps of the SWPC feeds, all UTC: `2025-05-17T12:16:00Z`, `2025-05-17T12:16:00`
/// (no zone) and `2025-05-10 00:00:00.000` (space, milliseconds, no zone).
enum SWPCTimestamp {
  /// The instant `text` names, or nil when it is not one of the feed formats.
  static func parse(_ text: String) -> UnixTime? {
    let trimmed = text.trimmingWhitespace()
    guard trimmed.utf8.count >= 19 else { return nil }
    return UTCDateTime.parseRFC3339(hasZone(trimmed) ? trimmed : trimmed + "Z")
  }

  private static func hasZone(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard let last = bytes.last else { return false }
    if last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") { return true }
    guard bytes.count >= 25 else { return false }
    let sign = bytes[bytes.count - 6]
    return (sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")) && bytes[bytes.count - 3] == UInt8(ascii: ":")
  }
}

extension String {
  fileprivate func trimmingWhitespace() -> String {
    var text = self[...]
    while let first = text.first, first.isWhitespace { text = text.dropFirst() }
    while let last = text.last, last.isWhitespace { text = text.dropLast() }
    return String(text)
  }
}
