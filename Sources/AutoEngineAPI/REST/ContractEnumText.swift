import AutoEngineCore
import AutoEngineRuntime

/// The REST bridge's reading of enum values that people type: the contract's full name
/// (`ORDER_STATUS_OPEN`), the name without its prefix (`OPEN`), in any case (`open`,
/// `partially_filled`).
///
/// The short name of each value is its domain raw value upper-cased (`OrderSide.buy` → `BUY`,
/// `OrderStatus.partiallyFilled` → `PARTIALLY_FILLED`), which is the contract's name without the
/// prefix.
enum ContractEnumText {
  /// `text` upper-cased and without `prefix`: `order_status_open` → `OPEN`.
  static func shortName(_ text: String, prefix: String) -> String {
    let upper = text.uppercased()
    return upper.hasPrefix(prefix) ? String(upper.dropFirst(prefix.count)) : upper
  }

  /// The domain value `text` names.
  ///
  /// - Parameters:
  ///   - prefix: the contract's prefix of the enum's names, e.g. `ORDER_STATUS_`.
  ///   - field: the field's name for the error message.
  /// - Throws: INVALID_ARGUMENT naming the field and the accepted values.
  static func parse<Value: RawRepresentable & CaseIterable>(
    _ text: String, prefix: String, field: String
  ) throws(EngineError) -> Value where Value.RawValue == String {
    let short = shortName(text, prefix: prefix)
    guard let value = Value.allCases.first(where: { $0.rawValue.uppercased() == short }) else {
      let accepted = Value.allCases.map { $0.rawValue.uppercased() }.joined(separator: ", ")
      throw EngineError(.invalidArgument, "\(field) '\(text)' is not one of \(accepted)")
    }
    return value
  }

  /// The contract's full name of the value `text` names, e.g. `buy` → `SIDE_BUY`.
  static func fullName<Value: RawRepresentable & CaseIterable>(
    _ text: String, of type: Value.Type, prefix: String, field: String
  ) throws(EngineError) -> String where Value.RawValue == String {
    let value: Value = try parse(text, prefix: prefix, field: field)
    return prefix + value.rawValue.uppercased()
  }
}
