import FoundationEssentials

/// Exact parsing of the decimal strings exchanges send for money and quantities.
///
/// Only plain numbers are accepted: an optional sign, digits, an optional fraction and an
/// optional exponent (`"4.00000200"`, `"-0.5"`, `"1e-8"`). Anything else (`"abc"`, `"1,5"`,
/// `"NaN"`, `"12abc"`, `""`) is rejected rather than read partially; the POSIX locale makes `.`
/// the decimal separator whatever the process locale.
enum DecimalText {
  private static let posix = Locale(identifier: "en_US_POSIX")

  /// The exact value of `text`, or nil when it is not a plain number.
  static func parse(_ text: String) -> Decimal? {
    guard isPlainNumber(text) else { return nil }
    return Decimal(string: text, locale: posix)
  }

  /// The value of `text` as a `Double`, or nil when it is not a plain finite number.
  static func parseDouble(_ text: String) -> Double? {
    guard isPlainNumber(text), let value = Double(text), value.isFinite else { return nil }
    return value
  }

  static func isPlainNumber(_ text: String) -> Bool {
    var bytes = text.utf8[...]
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
    func digits() -> Int {
      var count = 0
      while let byte = bytes.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
        bytes = bytes.dropFirst()
        count += 1
      }
      return count
    }
    var mantissaDigits = digits()
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      mantissaDigits += digits()
    }
    guard mantissaDigits > 0 else { return false }
    if let byte = bytes.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
      guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
  }
}

extension KeyedDecodingContainer {
  /// The exact decimal at `key`: a decimal string (as the exchanges send) or a JSON number.
  func decodeDecimal(forKey key: Key) throws -> Decimal {
    guard let value = try decodeDecimalIfPresent(forKey: key) else {
      throw DecodingError.valueNotFound(
        Decimal.self, .init(codingPath: codingPath + [key], debugDescription: "empty or null decimal"))
    }
    return value
  }

  /// The exact decimal at `key`, or nil when the field is absent, null or the empty string.
  func decodeDecimalIfPresent(forKey key: Key) throws -> Decimal? {
    guard contains(key), try !decodeNil(forKey: key) else { return nil }
    if let text = try? decode(String.self, forKey: key) {
      if text.isEmpty { return nil }
      guard let value = DecimalText.parse(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: self, debugDescription: "not a decimal number: \"\(text.prefix(40))\"")
      }
      return value
    }
    let number = try decode(Double.self, forKey: key)
    guard number.isFinite, let value = DecimalText.parse("\(number)") else {
      throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a finite number")
    }
    return value
  }

  /// The number at `key` as a `Double`, from a numeric string or a JSON number; nil when absent,
  /// null or the empty string.
  func decodeLenientDoubleIfPresent(forKey key: Key) throws -> Double? {
    guard contains(key), try !decodeNil(forKey: key) else { return nil }
    if let text = try? decode(String.self, forKey: key) {
      if text.isEmpty { return nil }
      guard let value = DecimalText.parseDouble(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: self, debugDescription: "not a number: \"\(text.prefix(40))\"")
      }
      return value
    }
    let value = try decode(Double.self, forKey: key)
    guard value.isFinite else {
      throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a finite number")
    }
    return value
  }
}
