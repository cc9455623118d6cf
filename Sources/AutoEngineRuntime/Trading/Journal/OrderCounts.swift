/// How many orders of one symbol the journal holds, for trading statistics.
public struct OrderCounts: Hashable, Sendable {
  /// The failure code counted for a rejected or failed order saved without one.
  public static let unknownFailureCode = "unknown"

  /// Every journalled order, whatever its state (intents included).
  public var attempted: Int
  /// Orders that filled at least partly (filled base quantity > 0).
  public var succeeded: Int
  /// Orders rejected by the exchange or failed locally (status `rejected` or `failed`).
  public var failed: Int
  /// The failed orders by failure code, e.g. `["INSUFFICIENT_FUND": 2, "timeout": 1]`; the values
  /// add up to `failed`.
  public var failureReasons: [String: Int]

  /// Creates counts.
  public init(attempted: Int = 0, succeeded: Int = 0, failed: Int = 0, failureReasons: [String: Int] = [:]) {
    self.attempted = attempted
    self.succeeded = succeeded
    self.failed = failed
    self.failureReasons = failureReasons
  }
}
