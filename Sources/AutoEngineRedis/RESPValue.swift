public import NIOCore

/// One value of the Redis serialization protocol (RESP2, plus the RESP3 types).
///
/// Replies arrive in this form; `RedisClient` turns `.error` replies into `RedisError.server`
/// before a caller sees them, so callers match on the other cases only.
public enum RESPValue: Sendable, Equatable {
  /// `+OK`: a short status text.
  case simpleString(String)
  /// `-ERR …` (RESP2) or `!…` (RESP3 bulk error): an error reply, e.g. "WRONGTYPE Operation…".
  case error(String)
  /// `:42`: a signed 64-bit integer.
  case integer(Int64)
  /// `$5\r\nhello`: binary-safe bytes.
  case bulkString(ByteBuffer)
  /// `$-1`, `*-1` (RESP2) or `_` (RESP3): no value.
  case null
  /// `*2…`: an ordered list of values.
  case array([RESPValue])
  /// `,3.14` (RESP3).
  case double(Double)
  /// `#t` / `#f` (RESP3).
  case boolean(Bool)
  /// `(12345678901234567890` (RESP3), as its decimal text.
  case bigNumber(String)
  /// `=15\r\ntxt:Some string` (RESP3), the text after the format prefix.
  case verbatim(String)
  /// `%2…` (RESP3): key/value pairs in reply order.
  case map([RESPPair])
  /// `~3…` (RESP3): an unordered collection.
  case set([RESPValue])
  /// `>3…` (RESP3): an out-of-band message (pub/sub message, invalidation).
  case push([RESPValue])

  /// The value as text: simple strings, bulk strings (UTF-8), verbatim strings, integers,
  /// doubles and big numbers; nil for anything else.
  public var string: String? {
    switch self {
    case .simpleString(let text), .verbatim(let text), .bigNumber(let text): return text
    case .bulkString(let bytes): return String(buffer: bytes)
    case .integer(let value): return String(value)
    case .double(let value): return String(value)
    default: return nil
    }
  }

  /// The value as an integer: integers, and strings holding a decimal integer.
  public var int: Int64? {
    if case .integer(let value) = self { return value }
    return string.flatMap { Int64($0) }
  }

  /// The bytes of a bulk string (or the UTF-8 of a simple string); nil for anything else.
  public var bytes: ByteBuffer? {
    switch self {
    case .bulkString(let bytes): return bytes
    case .simpleString(let text), .verbatim(let text): return ByteBuffer(string: text)
    default: return nil
    }
  }

  /// The elements of an array, set or push; nil for anything else.
  public var array: [RESPValue]? {
    switch self {
    case .array(let values), .set(let values), .push(let values): return values
    default: return nil
    }
  }

  /// Key/value pairs of a RESP3 map, or of a RESP2 flat array of alternating keys and values
  /// (HGETALL, CONFIG GET); nil for anything else.
  public var pairs: [RESPPair]? {
    switch self {
    case .map(let pairs): return pairs
    case .array(let values) where values.count.isMultiple(of: 2):
      return stride(from: 0, to: values.count, by: 2).map { RESPPair(key: values[$0], value: values[$0 + 1]) }
    default: return nil
    }
  }

  /// True for `.null`.
  public var isNull: Bool { self == .null }
}

/// One entry of a RESP3 map.
public struct RESPPair: Sendable, Equatable {
  /// The key.
  public var key: RESPValue
  /// The value.
  public var value: RESPValue

  /// Creates a pair.
  public init(key: RESPValue, value: RESPValue) {
    self.key = key
    self.value = value
  }
}
