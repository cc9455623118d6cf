import GRPCCore

/// The top-level fields of an `autoengine.v1.CoinStateUpdate` that the fan-out benchmark needs,
/// read straight from the wire without decoding the coin states.
///
/// Hand-written on purpose: with 10,000 subscribers a full decode of every 40-coin update would
/// cost the load generator (on the same cores as the server) more CPU than the server spends
/// sending it, and swift-protobuf has no "decode these fields only" mode. The reader walks the
/// top-level fields by their wire type and skips `states` (field 4) by its length; a unit test
/// checks it against messages encoded by swift-protobuf.
struct UpdateHeader: Sendable, Equatable {
  /// Field 1: the per-stream sequence number.
  var sequence: UInt64 = 0
  /// Field 2: the first message of the stream.
  var snapshot = false
  /// Field 3: a heartbeat.
  var heartbeat = false
  /// Number of field-4 elements (coin states) in the message.
  var stateCount = 0
  /// Field 5: updates conflated for this subscriber since its previous message.
  var conflated: UInt64 = 0
  /// Field 6: the engine tick's time, nanoseconds since 1970 (0 when absent).
  var tickTimeNanos: Int64 = 0
  /// Field 7: when the server handed the message to the stream, nanoseconds since 1970.
  var sentAtNanos: Int64 = 0

  /// Reading failed: the bytes are not a well-formed message.
  struct Malformed: Error {}

  init() {}

  /// Reads the header of the encoded message `bytes`.
  init(parsing bytes: UnsafeRawBufferPointer) throws {
    var reader = WireReader(bytes: bytes)
    while !reader.isAtEnd {
      let key = try reader.varint()
      switch (key >> 3, key & 7) {
      case (1, 0): sequence = try reader.varint()
      case (2, 0): snapshot = try reader.varint() != 0
      case (3, 0): heartbeat = try reader.varint() != 0
      case (4, 2):
        try reader.skip(Int(clamping: try reader.varint()))
        stateCount += 1
      case (5, 0): conflated = try reader.varint()
      case (6, 2): tickTimeNanos = try reader.timestamp()
      case (7, 2): sentAtNanos = try reader.timestamp()
      case (_, let wireType): try reader.skipField(wireType: wireType)
      }
    }
  }
}

/// A cursor over protobuf wire bytes (varints, length-delimited and fixed-size fields).
struct WireReader {
  let bytes: UnsafeRawBufferPointer
  var offset = 0

  var isAtEnd: Bool { offset >= bytes.count }

  mutating func varint() throws -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count, shift < 64 {
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7f) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
    }
    throw UpdateHeader.Malformed()
  }

  mutating func skip(_ count: Int) throws {
    guard count >= 0, count <= bytes.count - offset else { throw UpdateHeader.Malformed() }
    offset += count
  }

  mutating func skipField(wireType: UInt64) throws {
    switch wireType {
    case 0: _ = try varint()
    case 1: try skip(8)
    case 2: try skip(Int(clamping: try varint()))
    case 5: try skip(4)
    default: throw UpdateHeader.Malformed()
    }
  }

  /// A `google.protobuf.Timestamp` (length-delimited), as nanoseconds since 1970.
  mutating func timestamp() throws -> Int64 {
    let length = Int(clamping: try varint())
    guard length <= bytes.count - offset else { throw UpdateHeader.Malformed() }
    let end = offset + length
    var seconds: Int64 = 0
    var nanos: Int64 = 0
    while offset < end {
      let key = try varint()
      switch (key >> 3, key & 7) {
      case (1, 0): seconds = Int64(bitPattern: try varint())
      case (2, 0): nanos = Int64(Int32(truncatingIfNeeded: try varint()))
      case (_, let wireType): try skipField(wireType: wireType)
      }
    }
    guard offset == end else { throw UpdateHeader.Malformed() }
    return seconds &* 1_000_000_000 &+ nanos
  }
}

/// Deserializes a `CoinStateUpdate` into its `UpdateHeader` only.
struct UpdateHeaderDeserializer: MessageDeserializer {
  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> UpdateHeader {
    try serializedMessageBytes.withUnsafeBytes { try UpdateHeader(parsing: $0) }
  }
}
