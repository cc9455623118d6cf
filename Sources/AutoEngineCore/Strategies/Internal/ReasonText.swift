/// Number renderings for strategy reasons ("RSI 27.40 < 30"), built on `NumberText`.
///
/// Only used when a reason is read, never on the hot path.
enum ReasonText {
  /// `value` with `decimals` digits after the point.
  static func fixed(_ value: Double, _ decimals: Int = 2) -> String {
    NumberText.fixed(value, decimals: decimals)
  }

  /// `value` with a leading `+` when positive, `decimals` digits after the point.
  static func signed(_ value: Double, _ decimals: Int = 2) -> String {
    let text = NumberText.fixed(value, decimals: decimals)
    return value > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
  }

  /// A percent value (1.5 means 1.5 %) as `1.50 %`.
  static func percent(_ value: Double, _ decimals: Int = 2) -> String {
    NumberText.fixed(value, decimals: decimals) + " %"
  }

  /// A percent change as `+1.50 %` / `-0.30 %`.
  static func signedPercent(_ value: Double, _ decimals: Int = 2) -> String {
    signed(value, decimals) + " %"
  }

  /// A price with about six significant digits, trailing zeros trimmed to at least two
  /// decimals: `65000.12`, `105.20`, `0.031234`.
  static func price(_ value: Double) -> String {
    guard value.isFinite else { return NumberText.fixed(value, decimals: 2) }
    var magnitude = abs(value)
    var decimals = 5
    if magnitude >= 1 {
      while magnitude >= 10, decimals > 2 {
        magnitude /= 10
        decimals -= 1
      }
    } else if magnitude > 0 {
      while magnitude < 1, decimals < 12 {
        magnitude *= 10
        decimals += 1
      }
    }
    var text = NumberText.fixed(value, decimals: decimals)
    guard let point = text.firstIndex(of: ".") else { return text }
    let minimumEnd = text.index(point, offsetBy: 3, limitedBy: text.endIndex) ?? text.endIndex
    while text.endIndex > minimumEnd, text.last == "0" { text.removeLast() }
    return text
  }

  /// A price-unit value that may be negative (MACD, histogram) as ``price(_:)`` does it, with a
  /// leading `+` when positive: `+0.0012`, `-0.70`, `-0.00000457026`.
  static func signedPrice(_ value: Double) -> String {
    let text = price(value)
    return value > 0 ? "+" + text : text
  }
}
