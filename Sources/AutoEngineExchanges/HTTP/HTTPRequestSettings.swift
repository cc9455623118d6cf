/// How the clients of this module send HTTP requests.
public struct HTTPRequestSettings: Hashable, Sendable {
  /// Longest wait for a complete answer (connection, headers and body), seconds (> 0).
  public var timeoutSeconds: Double
  /// The `User-Agent` header sent with every request.
  public var userAgent: String
  /// Largest answer body accepted, bytes; a larger one is a malformed answer.
  public var maxBodyBytes: Int

  /// Creates settings; the defaults suit the public market-data endpoints.
  public init(
    timeoutSeconds: Double = 10, userAgent: String = "crypto-autoengine/1.0",
    maxBodyBytes: Int = 16 * 1024 * 1024
  ) {
    self.timeoutSeconds = max(0.001, timeoutSeconds)
    self.userAgent = userAgent
    self.maxBodyBytes = max(1024, maxBodyBytes)
  }
}
