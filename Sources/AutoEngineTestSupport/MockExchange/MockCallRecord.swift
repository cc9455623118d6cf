public import AutoEngineCore

/// One request the mock received.
public struct MockCallRecord: Sendable {
  /// The endpoint that answered it, or nil when no route matched.
  public var endpoint: MockEndpoint?
  /// HTTP method.
  public var method: String
  /// Request path.
  public var path: String
  /// Decoded query items.
  public var query: [(name: String, value: String)]
  /// Request headers, names lower-cased.
  public var headers: [String: String]
  /// When it arrived, by the mock's clock.
  public var time: UnixTime
}
