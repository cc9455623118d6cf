/// One HTTP route of the mock exchange: which requests it answers and how.
///
/// The market-data routes are `MockRoute.coinbaseMarketData`, `.binanceUSMarketData` and `.swpc`;
/// a later issue adds order routes the same way and passes them to `MockExchangeServer.init`.
public struct MockRoute: Sendable {
  /// The API family a route belongs to: decides the error-body format of injected faults and
  /// whether Binance.US weight headers are sent.
  public enum Family: Hashable, Sendable {
    case coinbase
    case binanceUS
    case swpc
  }

  /// The endpoint name used for counting and faults.
  public var endpoint: MockEndpoint
  /// HTTP method, upper case (`GET`, `POST`, `DELETE`).
  public var method: String
  /// Path segments; a segment `{name}` matches any one segment and is passed in `pathParameters`.
  public var pattern: [String]
  /// The API family.
  public var family: Family
  /// Binance.US request weight of a request (0 for other families).
  public var weight: @Sendable (MockRequest) -> Int
  /// Produces the answer from the request and the mock's state.
  public var handler: @Sendable (MockRequest, MockExchangeState) async -> MockResponse

  /// Creates a route for `path` such as `/api/v3/brokerage/market/products/{product_id}/candles`.
  public init(
    _ endpoint: MockEndpoint, method: String = "GET", path: String, family: Family,
    weight: @escaping @Sendable (MockRequest) -> Int = { _ in 0 },
    handler: @escaping @Sendable (MockRequest, MockExchangeState) async -> MockResponse
  ) {
    self.endpoint = endpoint
    self.method = method.uppercased()
    self.pattern = path.split(separator: "/").map(String.init)
    self.family = family
    self.weight = weight
    self.handler = handler
  }

  /// The path parameters when this route answers `method` `path`, else nil.
  func match(method: String, path: String) -> [String: String]? {
    guard method.uppercased() == self.method else { return nil }
    let segments = path.split(separator: "/").map(String.init)
    guard segments.count == pattern.count else { return nil }
    var parameters: [String: String] = [:]
    for (segment, expected) in zip(segments, pattern) {
      if expected.hasPrefix("{"), expected.hasSuffix("}") {
        parameters[String(expected.dropFirst().dropLast())] = MockRequest.percentDecoded(segment)
      } else if segment != expected {
        return nil
      }
    }
    return parameters
  }
}
