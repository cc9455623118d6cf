/// Any JSON value, for answers whose shape varies (Binance kline rows mix numbers and strings;
/// SWPC's 3-hourly Kp feed comes as rows under a header or as objects).
enum JSONValue: Decodable, Hashable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// The value as a finite `Double`: a JSON number or a numeric string; nil otherwise.
  var double: Double? {
    switch self {
    case .number(let value): value.isFinite ? value : nil
    case .string(let text): DecimalText.parseDouble(text)
    default: nil
    }
  }

  /// The value as text: a string as is, a number in its shortest form; nil otherwise.
  var text: String? {
    switch self {
    case .string(let text): text
    case .number(let value): "\(value)"
    default: nil
    }
  }

  /// The value as an exact integer (a whole JSON number or an integer string); nil otherwise.
  var integer: Int64? {
    switch self {
    case .number(let value):
      guard value.isFinite, value == value.rounded(), abs(value) < 9.0e15 else { return nil }
      return Int64(value)
    case .string(let text): return Int64(text)
    default: return nil
    }
  }

  /// The member `key` of an object; nil for other values or a missing key.
  subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The elements of an array; nil for other values.
  var elements: [JSONValue]? {
    if case .array(let values) = self { return values }
    return nil
  }

  /// A short description of the value's kind for error messages.
  var kind: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
