import AutoEngineCore
import Foundation

/// A JSON value written deterministically: object keys sorted, numbers in fixed formats.
///
/// `JSONEncoder` sorts keys but prints `Double`s in their shortest round-trip form and has no
/// fixed-decimal or exact-`Decimal` output, so the report writes its own text: a report of the
/// same input is byte-identical.
enum ReportJSON {
  case object([String: ReportJSON])
  case array([ReportJSON])
  case string(String)
  /// Number text as it must appear, e.g. `12.50`.
  case number(String)
  case bool(Bool)
  case null

  /// `value` with `decimals` digits after the point; `null` when not finite.
  static func fixed(_ value: Double, _ decimals: Int) -> ReportJSON {
    value.isFinite ? .number(NumberText.fixed(value, decimals: decimals)) : .null
  }

  /// `value` rounded half away from zero to 8 decimal places, exact.
  static func money(_ value: Decimal) -> ReportJSON { .number(BacktestText.money(value)) }

  static func int(_ value: Int) -> ReportJSON { .number(String(value)) }

  static func time(_ time: UnixTime) -> ReportJSON { .string(UTCDateTime(time).rfc3339) }

  static func counts(_ counts: [String: Int]) -> ReportJSON { .object(counts.mapValues { .int($0) }) }

  /// The text, indented by two spaces per level, ending without a newline.
  func text(indent: Int = 0) -> String {
    let pad = String(repeating: "  ", count: indent + 1)
    let close = String(repeating: "  ", count: indent)
    switch self {
    case .object(let members):
      guard !members.isEmpty else { return "{}" }
      let body = members.keys.sorted().map { key in
        "\(pad)\(Self.quoted(key)): \(members[key]!.text(indent: indent + 1))"
      }
      return "{\n" + body.joined(separator: ",\n") + "\n\(close)}"
    case .array(let items):
      guard !items.isEmpty else { return "[]" }
      return "[\n" + items.map { pad + $0.text(indent: indent + 1) }.joined(separator: ",\n") + "\n\(close)]"
    case .string(let value): return Self.quoted(value)
    case .number(let value): return value
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    }
  }

  private static func quoted(_ value: String) -> String {
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}

/// Text forms shared by the report's outputs.
enum BacktestText {
  /// `value` rounded half away from zero to `places` decimal places and written with exactly
  /// that many, e.g. `-12.34567891` or `5.00`.
  static func money(_ value: Decimal, places: Int = 8) -> String {
    var input = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &input, places, .plain)
    var text = "\(rounded)"
    guard places > 0 else { return text }
    let digits = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? -1
    if digits < 0 { text += "." }
    return text + String(repeating: "0", count: places - Swift.max(digits, 0))
  }

  /// A date and time, `2025-01-13 22:26`.
  static func minute(_ time: UnixTime) -> String {
    let utc = UTCDateTime(time)
    return "\(utc.dateText) \(String(utc.timeOfDayText.prefix(5)))"
  }
}
