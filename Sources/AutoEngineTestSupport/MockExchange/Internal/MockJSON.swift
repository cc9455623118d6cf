import AutoEngineCore
import FoundationEssentials

/// Small helpers that write JSON text by hand, so the mock's answers keep the exchanges' field
/// order and their habit of sending numbers as strings.
enum MockJSON {
  /// `text` as a JSON string literal, escaped.
  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// An object from ordered members whose values are already JSON text.
  static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  /// An array of JSON texts.
  static func array(_ elements: [String]) -> String { "[" + elements.joined(separator: ",") + "]" }

  /// A decimal as a JSON string, e.g. `"65000.12"`; with `places`, padded or cut (toward −∞) to
  /// that many decimals, e.g. `"4.00000200"` (Binance.US writes 8).
  static func decimal(_ value: Decimal, places: Int? = nil) -> String {
    string(decimalText(value, places: places))
  }

  static func decimalText(_ value: Decimal, places: Int? = nil) -> String {
    guard let places else { return value.description }
    let text = value.roundedDown(toPlaces: places).description
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    guard places > 0 else { return String(parts[0]) }
    return String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, places - fraction.count))
  }

  /// A `Double` as a JSON number in its shortest exact form (`1.5e-06`).
  static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }

  /// A `Double` as a JSON string holding the number.
  static func numberString(_ value: Double) -> String { string(value.isFinite ? "\(value)" : "0") }

  static func bool(_ value: Bool) -> String { value ? "true" : "false" }

  /// `time` as `2025-05-17T12:16:00Z` (with `zone`) or `2025-05-17T12:16:00` (without).
  static func isoTime(_ time: UnixTime, zone: Bool = true) -> String {
    let text = UTCDateTime(time).rfc3339
    return zone ? text : String(text.dropLast())
  }
}
