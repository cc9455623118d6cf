/// A URL query built from name/value pairs, percent-encoded per RFC 3986 (unreserved characters
/// `A–Z a–z 0–9 - . _ ~` kept, everything else as `%XX` of its UTF-8 bytes).
///
/// Repeated names are kept (`product_ids=A&product_ids=B`), in order.
struct QueryString: Sendable {
  private(set) var items: [(name: String, value: String)] = []

  init() {}

  /// Creates a query from `items`, in order.
  init(_ items: [(String, String)]) {
    self.items = items.map { (name: $0.0, value: $0.1) }
  }

  /// Appends `name=value`.
  mutating func append(_ name: String, _ value: String) {
    items.append((name, value))
  }

  /// The encoded query with its leading `?`, or the empty string when there are no items.
  var suffix: String {
    guard !items.isEmpty else { return "" }
    return "?" + items.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
  }

  /// `text` with every byte outside the unreserved set percent-encoded.
  static func encode(_ text: String) -> String {
    var encoded = ""
    encoded.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        encoded.unicodeScalars.append("%")
        encoded.unicodeScalars.append(hex[Int(byte >> 4)])
        encoded.unicodeScalars.append(hex[Int(byte & 0x0F)])
      }
    }
    return encoded
  }
}
