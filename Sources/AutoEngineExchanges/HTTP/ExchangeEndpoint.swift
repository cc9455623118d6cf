/// One remote call as errors and logs name it: the service and the path requested.
public struct ExchangeEndpoint: Hashable, Sendable, CustomStringConvertible {
  /// The service's display name, e.g. `Coinbase`, `Binance.US`, `NOAA SWPC`.
  public var service: String
  /// The request path without host or query, e.g. `/api/v3/ticker/24hr`.
  public var path: String

  /// Creates an endpoint name.
  public init(service: String, path: String) {
    self.service = service
    self.path = path
  }

  public var description: String { "\(service) \(path)" }
}
