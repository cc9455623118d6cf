internal import AutoEngineCore
internal import FoundationEssentials
internal import GRDB

/// One row read from a journal table, whose columns are checked as they are read.
///
/// Nothing read from disk is trusted: a NULL where a value is required, a text where a number is
/// stored, a decimal that does not parse or an unknown enum spelling becomes
/// `JournalError.corrupt` naming the table, column and row — never a crash. (GRDB's typed row
/// subscripts stop the process on a bad value, so every read here goes through `DatabaseValue`.)
struct StoredRow {
  /// The row as SQLite returned it.
  let row: Row
  /// Table the row comes from, e.g. `orders`.
  let table: String
  /// How the row is named in messages, e.g. `order 'abc-1'` or `row 12`.
  let label: String

  /// Wraps `row` of `table`, labelled by `label`.
  init(_ row: Row, table: String, label: String) {
    self.row = row
    self.table = table
    self.label = label
  }

  /// Wraps `row` of `table`, labelled by the text of its `keyColumn` (or its `id` when that is
  /// unreadable).
  init(_ row: Row, table: String, keyColumn: String, keyName: String) {
    let key = (row[keyColumn] as DatabaseValue?).flatMap { String.fromDatabaseValue($0) }
    let id = (row["id"] as DatabaseValue?).flatMap { Int64.fromDatabaseValue($0) }
    let label = key.map { "\(keyName) '\($0)'" } ?? "row \(id.map(String.init) ?? "?")"
    self.init(row, table: table, label: label)
  }

  /// The stored value of `column`; `.null` when the column is missing from the row.
  func value(_ column: String) -> DatabaseValue {
    (row[column] as DatabaseValue?) ?? .null
  }

  /// The error for `column` holding `problem`.
  func corrupt(_ column: String, _ problem: String) -> JournalError {
    .corrupt("\(table).\(column) of \(label): \(problem)")
  }

  /// A required text.
  func text(_ column: String) throws(JournalError) -> String {
    guard let text = try optionalText(column) else { throw corrupt(column, "is NULL") }
    return text
  }

  /// An optional text.
  func optionalText(_ column: String) throws(JournalError) -> String? {
    switch value(column).storage {
    case .null: return nil
    case .string(let text): return text
    case .int64(let number): return String(number)
    case .double, .blob: throw corrupt(column, "\(value(column)) is not a text")
    }
  }

  /// A required decimal, stored as its exact text (`Decimal.description`).
  func decimal(_ column: String) throws(JournalError) -> Decimal {
    guard let decimal = try optionalDecimal(column) else { throw corrupt(column, "is NULL") }
    return decimal
  }

  /// An optional decimal, stored as its exact text; a REAL here is corruption (it may have lost
  /// digits), and so is anything but `-?digits(.digits)?`.
  func optionalDecimal(_ column: String) throws(JournalError) -> Decimal? {
    let stored = value(column)
    switch stored.storage {
    case .null: return nil
    case .string(let text):
      guard DecimalText.isWellFormed(text), let decimal = Decimal(string: text) else {
        throw corrupt(column, "'\(text)' is not a decimal")
      }
      return decimal
    case .int64(let number): return Decimal(number)
    case .double, .blob: throw corrupt(column, "\(stored) is not a decimal text")
    }
  }

  /// A required finite number of seconds (or other REAL).
  func double(_ column: String) throws(JournalError) -> Double {
    let stored = value(column)
    switch stored.storage {
    case .double(let number) where number.isFinite: return number
    case .int64(let number): return Double(number)
    case .null: throw corrupt(column, "is NULL")
    case .double, .string, .blob: throw corrupt(column, "\(stored) is not a finite number")
    }
  }

  /// A required time, stored as REAL seconds since the Unix epoch.
  func time(_ column: String) throws(JournalError) -> UnixTime {
    UnixTime(seconds: try double(column))
  }

  /// A required integer.
  func integer(_ column: String) throws(JournalError) -> Int64 {
    let stored = value(column)
    guard case .int64(let number) = stored.storage else { throw corrupt(column, "\(stored) is not an integer") }
    return number
  }

  /// A required enum value stored as its raw value.
  func enumValue<Value: RawRepresentable>(_ column: String, as type: Value.Type) throws(JournalError) -> Value
  where Value.RawValue == String {
    let text = try text(column)
    guard let value = Value(rawValue: text) else { throw corrupt(column, "'\(text)' is not a known \(Value.self)") }
    return value
  }
}
