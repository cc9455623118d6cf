import NIOCore

/// Incremental parser of RESP2 and RESP3 values.
///
/// Hand-written: no Swift Redis package is available on these machines, and RESP is small
/// enough (one type byte, a CRLF-terminated header, optional payload) that a parser over NIO's
/// `ByteBuffer` is shorter and safer than bridging libhiredis' C reader and its callbacks into
/// Swift concurrency.
enum RESPParser {
  /// Deepest nesting of aggregates accepted (Redis replies nest 2–3 deep; guards the stack).
  static let maximumDepth = 32
  /// Longest header line accepted, bytes (a bulk length or a simple string).
  static let maximumLineLength = 64 * 1024

  /// Parses one complete value from the front of `buffer`, consuming it; nil (and `buffer`
  /// untouched in meaning: callers parse a copy) when more bytes are needed.
  static func parse(_ buffer: inout ByteBuffer, depth: Int = 0) throws(RedisError) -> RESPValue? {
    guard depth <= maximumDepth else { throw .protocolViolation("replies nest deeper than \(maximumDepth)") }
    guard let type = buffer.readInteger(as: UInt8.self) else { return nil }
    guard let line = try readLine(&buffer) else { return nil }
    switch type {
    case UInt8(ascii: "+"): return .simpleString(line)
    case UInt8(ascii: "-"): return .error(line)
    case UInt8(ascii: ":"): return .integer(try integer(line))
    case UInt8(ascii: "_"): return .null
    case UInt8(ascii: "#"): return .boolean(line == "t")
    case UInt8(ascii: "("): return .bigNumber(line)
    case UInt8(ascii: ","):
      switch line {
      case "inf": return .double(.infinity)
      case "-inf": return .double(-.infinity)
      case "nan": return .double(.nan)
      default:
        guard let value = Double(line) else { throw .protocolViolation("bad double '\(line)'") }
        return .double(value)
      }
    case UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "="):
      let length = try integer(line)
      if length < 0 { return .null }
      guard buffer.readableBytes >= Int(length) + 2, let bytes = buffer.readSlice(length: Int(length)) else {
        return nil
      }
      try expectCRLF(&buffer)
      switch type {
      case UInt8(ascii: "$"): return .bulkString(bytes)
      case UInt8(ascii: "!"): return .error(String(buffer: bytes))
      default: return .verbatim(String(String(buffer: bytes).dropFirst(4)))
      }
    case UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: ">"):
      let count = try integer(line)
      if count < 0 { return .null }
      var values: [RESPValue] = []
      values.reserveCapacity(Int(min(count, 1024)))
      for _ in 0..<count {
        guard let value = try parse(&buffer, depth: depth + 1) else { return nil }
        values.append(value)
      }
      switch type {
      case UInt8(ascii: "*"): return .array(values)
      case UInt8(ascii: "~"): return .set(values)
      default: return .push(values)
      }
    case UInt8(ascii: "%"), UInt8(ascii: "|"):
      let count = try integer(line)
      var pairs: [RESPPair] = []
      for _ in 0..<max(0, count) {
        guard let key = try parse(&buffer, depth: depth + 1), let value = try parse(&buffer, depth: depth + 1) else {
          return nil
        }
        pairs.append(RESPPair(key: key, value: value))
      }
      // An attribute (`|`) annotates the value after it; the annotation is dropped.
      if type == UInt8(ascii: "|") { return try parse(&buffer, depth: depth) }
      return .map(pairs)
    default:
      throw .protocolViolation("unknown RESP type byte \(type)")
    }
  }

  private static func readLine(_ buffer: inout ByteBuffer) throws(RedisError) -> String? {
    let view = buffer.readableBytesView
    guard let carriageReturn = view.firstIndex(of: UInt8(ascii: "\r")) else {
      if view.count > maximumLineLength { throw .protocolViolation("header line longer than \(maximumLineLength)") }
      return nil
    }
    let length = carriageReturn - view.startIndex
    guard buffer.readableBytes >= length + 2, let line = buffer.readString(length: length) else { return nil }
    try expectCRLF(&buffer)
    return line
  }

  private static func expectCRLF(_ buffer: inout ByteBuffer) throws(RedisError) {
    guard buffer.readInteger(as: UInt8.self) == UInt8(ascii: "\r"),
      buffer.readInteger(as: UInt8.self) == UInt8(ascii: "\n")
    else { throw .protocolViolation("missing CRLF") }
  }

  private static func integer(_ line: String) throws(RedisError) -> Int64 {
    guard let value = Int64(line) else { throw .protocolViolation("bad integer '\(line)'") }
    return value
  }
}

/// Frames the inbound byte stream into `RESPValue`s.
struct RESPDecoder: ByteToMessageDecoder {
  typealias InboundOut = RESPValue

  mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
    var attempt = buffer
    guard let value = try RESPParser.parse(&attempt) else { return .needMoreData }
    buffer.moveReaderIndex(to: attempt.readerIndex)
    context.fireChannelRead(NIOAny(value))
    return .continue
  }

  mutating func decodeLast(
    context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
  ) throws -> DecodingState {
    try decode(context: context, buffer: &buffer)
  }
}
