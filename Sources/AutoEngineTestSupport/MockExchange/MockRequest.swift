/// A request as a mock route sees it: decoded query and path parameters and the raw body.
public struct MockRequest: Sendable {
  /// HTTP method, upper case.
  public var method: String
  /// The path, without the query.
  public var path: String
  /// The query as received, undecoded, without `?` (empty when none): what Binance.US signs.
  public var rawQuery: String
  /// Query items in order, percent-decoded (`+` is kept: the exchanges' clients encode spaces as `%20`).
  public var query: [(name: String, value: String)]
  /// Values of the route's `{name}` path segments, percent-decoded.
  public var pathParameters: [String: String]
  /// Request headers, names lower-cased.
  public var headers: [String: String]
  /// The request body (empty for GET).
  public var body: [UInt8]

  /// Creates a request from its parts; `rawQuery` is the undecoded query string without `?`.
  public init(
    method: String, path: String, rawQuery: String?, pathParameters: [String: String] = [:],
    headers: [String: String] = [:], body: [UInt8] = []
  ) {
    self.method = method.uppercased()
    self.path = path
    self.rawQuery = rawQuery ?? ""
    self.query = Self.formItems(rawQuery ?? "")
    self.pathParameters = pathParameters
    self.headers = headers
    self.body = body
  }

  /// The first value of query item `name`, or nil.
  public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

  /// Every value of query item `name`, in order (`product_ids=A&product_ids=B`).
  public func queryValues(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }

  /// The request body as form items (`a=1&b=2`, percent-decoded), for `POST` parameters.
  public var formItems: [(name: String, value: String)] { Self.formItems(String(decoding: body, as: UTF8.self)) }

  /// `text` (`a=1&b=2`) split into percent-decoded name/value items, in order.
  static func formItems(_ text: String) -> [(name: String, value: String)] {
    text.split(separator: "&").map { item in
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      return (Self.percentDecoded(String(parts[0])), parts.count > 1 ? Self.percentDecoded(String(parts[1])) : "")
    }
  }

  /// `text` with `%XX` escapes decoded (invalid escapes are kept as they are).
  static func percentDecoded(_ text: String) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
