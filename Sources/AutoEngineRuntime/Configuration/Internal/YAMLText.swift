/// Spelling of scalar values in the YAML that `autoengine` prints.
enum YAMLText {
  /// `text` as a double-quoted YAML scalar, so that no value is ever read back as a number,
  /// boolean or null: `"127.0.0.1"`, `""`. Quotes, backslashes and control characters are escaped.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// `value` in its shortest round-trip form, without a trailing `.0` for whole numbers
  /// (`number(1)` is `"1"`, `number(0.25)` is `"0.25"`).
  static func number(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return "\(value)"
  }
}
