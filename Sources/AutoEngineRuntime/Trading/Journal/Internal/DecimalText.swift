internal import FoundationEssentials

/// The journal's text form of decimals: `Decimal.description`, parsed back exactly.
enum DecimalText {
  /// The text stored for `value` in `column` (e.g. `orders.fees`) of `label`; a NaN is refused,
  /// as it could not be read back.
  static func text(_ value: Decimal, column: String, of label: String) throws(JournalError) -> String {
    guard !value.isNaN else { throw JournalError.corrupt("\(column) of \(label): NaN cannot be journalled") }
    return value.description
  }

  /// The text stored for an optional decimal: nil stays NULL.
  static func optionalText(_ value: Decimal?, column: String, of label: String) throws(JournalError) -> String? {
    guard let value else { return nil }
    return try text(value, column: column, of: label)
  }

  /// True for `-?digits` optionally followed by `.digits` — every text `Decimal.description`
  /// writes. (`Decimal(string:)` alone would read `12abc` as 12.)
  static func isWellFormed(_ text: String) -> Bool {
    var rest = Substring(text)
    if rest.first == "-" { rest = rest.dropFirst() }
    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2 else { return false }
    return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { $0 >= "0" && $0 <= "9" } }
  }
}
