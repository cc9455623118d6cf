import Foundation
import SwiftProtobuf

/// Numbers, money and times as a person reads them: thousands separated, decimals by magnitude,
/// with their unit. A missing value prints as "—".
///
/// Decimal strings of the contract (prices, amounts) are formatted exactly, as `Decimal`s; an
/// unparsable string is shown as it came.
enum NumberText {
  /// A price in the quote asset, decimals by magnitude: "67,012.50 USD", "0.123456 USDT".
  static func price(_ text: String, _ unit: String = "") -> String {
    guard let value = decimal(text) else { return text.isEmpty ? "—" : text }
    let magnitude = abs(value)
    let decimals = magnitude >= 1000 ? 2 : magnitude >= 1 ? 4 : magnitude >= Decimal(1) / 100 ? 6 : 8
    return withUnit(fixed(value, decimals: decimals), unit)
  }

  /// A price given as a double (indicator values, sparkline bounds).
  static func price(_ value: Double?, _ unit: String = "") -> String {
    guard let value, value.isFinite else { return "—" }
    return price(String(value), unit)
  }

  /// An amount of money with two decimals: "1,234.56 USD"; with `signed`, "+12.30 USD".
  static func money(_ text: String, _ unit: String = "", signed: Bool = false) -> String {
    guard let value = decimal(text) else { return text.isEmpty ? "—" : text }
    let sign = signed && value > 0 ? "+" : ""
    return withUnit(sign + fixed(value, decimals: 2), unit)
  }

  /// A quantity with up to eight decimals and no trailing zeros: "0.0002 BTC".
  static func quantity(_ text: String, _ unit: String = "") -> String {
    guard let value = decimal(text) else { return text.isEmpty ? "—" : text }
    var digits = fixed(value, decimals: 8)
    if digits.contains(".") {
      while digits.hasSuffix("0") { digits.removeLast() }
      if digits.hasSuffix(".") { digits.removeLast() }
    }
    return withUnit(digits, unit)
  }

  /// A percentage: "+1.23 %" (signed) or "1.23 %".
  static func percent(_ value: Double?, signed: Bool = true, decimals: Int = 2) -> String {
    guard let value, value.isFinite else { return "—" }
    let sign = signed && value > 0 ? "+" : ""
    return sign + String(format: "%.\(decimals)f", value) + " %"
  }

  /// A fraction 0–1 with two decimals, e.g. a confidence: "0.72".
  static func ratio(_ value: Double) -> String {
    value.isFinite ? String(format: "%.2f", value) : "—"
  }

  /// A plain number with `decimals` decimals, e.g. an indicator value.
  static func number(_ value: Double?, decimals: Int = 2) -> String {
    guard let value, value.isFinite else { return "—" }
    return String(format: "%.\(decimals)f", value)
  }

  /// A count with thousands separators: "12,345".
  static func count(_ value: some BinaryInteger) -> String {
    grouped(String(value))
  }

  /// A count and its noun, plural unless one: "1 order", "3 orders".
  static func counted(_ value: some BinaryInteger, _ noun: String) -> String {
    "\(count(value)) \(noun)\(value == 1 ? "" : "s")"
  }

  /// A duration in seconds as "3 d 04 h", "2 h 05 min", "4 min 09 s" or "12 s".
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "—" }
    let total = Int(seconds)
    let (days, hours, minutes, secs) = (total / 86_400, total / 3600 % 24, total / 60 % 60, total % 60)
    if days > 0 { return "\(days) d " + String(format: "%02d h", hours) }
    if hours > 0 { return "\(hours) h " + String(format: "%02d min", minutes) }
    if minutes > 0 { return "\(minutes) min " + String(format: "%02d s", secs) }
    return "\(secs) s"
  }

  /// A timestamp in RFC 3339 (UTC), or "—" when absent.
  static func time(_ timestamp: Google_Protobuf_Timestamp?) -> String {
    guard let timestamp, timestamp.seconds != 0 || timestamp.nanos != 0 else { return "—" }
    return timestamp.date.formatted(Date.ISO8601FormatStyle())
  }

  /// The time of day of a timestamp, "12:04:10Z", or "—".
  static func clock(_ timestamp: Google_Protobuf_Timestamp?) -> String {
    let full = time(timestamp)
    guard let separator = full.firstIndex(of: "T") else { return full }
    return String(full[full.index(after: separator)...])
  }

  /// Whether `text` is a decimal number other than zero (a held quantity).
  static func isNonZero(_ text: String) -> Bool {
    decimal(text).map { $0 != 0 } ?? false
  }

  /// `text` parsed as a decimal number, or nil.
  static func decimal(_ text: String) -> Decimal? {
    guard !text.isEmpty else { return nil }
    return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
  }

  /// `value` rounded half away from zero to `decimals` places, with thousands separators.
  static func fixed(_ value: Decimal, decimals: Int) -> String {
    var input = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &input, decimals, .plain)
    let negative = rounded < 0
    let plain = NSDecimalNumber(decimal: abs(rounded)).stringValue
    let parts = plain.split(separator: ".", maxSplits: 1)
    let whole = parts.first.map(String.init) ?? "0"
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    fraction += String(repeating: "0", count: max(0, decimals - fraction.count))
    let text = decimals > 0 ? grouped(whole) + "." + fraction.prefix(decimals) : grouped(whole)
    return (negative ? "-" : "") + text
  }

  /// Digits with a comma every three from the right.
  private static func grouped(_ digits: String) -> String {
    let negative = digits.hasPrefix("-")
    let body = Array(negative ? digits.dropFirst() : Substring(digits))
    var out = ""
    for (index, character) in body.enumerated() {
      if index > 0, (body.count - index) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return (negative ? "-" : "") + out
  }

  /// `text` followed by `unit`, if any.
  private static func withUnit(_ text: String, _ unit: String) -> String {
    unit.isEmpty ? text : "\(text) \(unit)"
  }
}
