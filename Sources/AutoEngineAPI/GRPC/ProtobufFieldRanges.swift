/// Where the occurrences of one field lie in an encoded protobuf message (top level only).
///
/// Written by hand because swift-protobuf decodes whole messages and never says where a
/// field's bytes are; the engine's Redis publisher and an API replica need exactly that to pass
/// a tick's already encoded coin states on without decoding and encoding them again
/// (`ReplicaPublisher`, `ReplicaFeed`). It reads only the wire grammar — a varint key, then a
/// varint, 8 bytes, a varint length and that many bytes, or 4 bytes, by wire type — so it needs
/// no schema, and it refuses anything else (groups, truncation, overlong varints).
struct ProtobufFieldRanges: Sendable, Equatable {
  /// One occurrence of the field.
  struct Occurrence: Sendable, Equatable {
    /// From its key to its last byte (what to copy to re-emit the field as it was).
    var field: Range<Int>
    /// Its contents: a length-delimited field's bytes after the length (an embedded message).
    var payload: Range<Int>
  }

  /// Every occurrence of the field, in order.
  var occurrences: [Occurrence] = []

  /// Finds the length-delimited field `number` in `bytes` (a whole encoded message); nil when
  /// `bytes` are not well-formed protobuf or `number` occurs with another wire type.
  init?(field number: UInt64, in bytes: UnsafeRawBufferPointer) {
    var offset = 0
    while offset < bytes.count {
      let start = offset
      guard let key = Self.varint(bytes, &offset) else { return nil }
      let payloadStart: Int
      switch key & 7 {
      case 0:
        guard Self.varint(bytes, &offset) != nil else { return nil }
        payloadStart = offset
      case 1:
        payloadStart = offset
        offset += 8
      case 2:
        guard let length = Self.varint(bytes, &offset), length <= UInt64(bytes.count - offset) else { return nil }
        payloadStart = offset
        offset += Int(length)
      case 5:
        payloadStart = offset
        offset += 4
      default:
        return nil
      }
      guard offset <= bytes.count, key >> 3 != 0 else { return nil }
      if key >> 3 == number {
        guard key & 7 == 2 else { return nil }
        occurrences.append(Occurrence(field: start..<offset, payload: payloadStart..<offset))
      }
    }
  }

  /// Finds field `number` in `bytes`; see `init(field:in:)`.
  init?(field number: UInt64, in bytes: [UInt8]) {
    guard let found = bytes.withUnsafeBytes({ Self(field: number, in: $0) }) else { return nil }
    self = found
  }

  /// Reads a varint at `offset` (at most 10 bytes) and moves past it; nil when truncated or
  /// overlong.
  private static func varint(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) -> UInt64? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count, shift < 70 {
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
    }
    return nil
  }
}
