import GRPCCore

/// A response message already in protobuf wire form, sent as is.
///
/// Lets a handler answer with bytes encoded once and shared — one engine tick's update for every
/// subscriber, a coin's state for every request until it changes — instead of a message the
/// transport would encode again per call. Protobuf allows a message's fields in any order and
/// merges concatenated encodings of one message type, so the joined `parts` (each an encoding of
/// some fields of the same message) are one valid message; kept in field-number order they are
/// byte for byte what the standard encoder writes.
struct WireMessage: Sendable {
  /// Encoded fragments whose concatenation is the message.
  var parts: [[UInt8]]

  /// A message made of `parts`, in order.
  init(_ parts: [UInt8]...) {
    self.parts = parts
  }

  /// A message made of `parts`, in order.
  init(parts: [[UInt8]]) {
    self.parts = parts
  }

  /// The whole message in one array (tests, and callers that want it contiguous).
  var bytes: [UInt8] { Array(parts.joined()) }
}

/// Writes a `WireMessage`'s parts into the transport's buffer: one copy, no encoding.
struct WireMessageSerializer: MessageSerializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: WireMessage) throws -> Bytes {
    var bytes = Bytes(repeating: 0, count: message.parts.reduce(0) { $0 + $1.count })
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      for part in message.parts where !part.isEmpty {
        part.withUnsafeBytes { source in
          UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + source.count)]).copyMemory(from: source)
        }
        offset += part.count
      }
    }
    return bytes
  }
}
