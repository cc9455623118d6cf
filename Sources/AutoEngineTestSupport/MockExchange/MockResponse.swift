/// An answer of a mock route.
public struct MockResponse: Sendable {
  /// HTTP status code.
  public var status: Int
  /// Response headers in order.
  public var headers: [(name: String, value: String)]
  /// The body, sent as is.
  public var body: String

  /// Creates an answer.
  public init(status: Int, headers: [(name: String, value: String)] = [], body: String) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A JSON answer (`Content-Type: application/json`).
  public static func json(_ body: String, status: Int = 200) -> MockResponse {
    MockResponse(status: status, headers: [("Content-Type", "application/json")], body: body)
  }
}
