public import AutoEngineCore

/// A snapshot of one `RequestBudget`'s counters, for system status and metrics.
public struct BudgetStatus: Hashable, Sendable {
  /// The service the budget guards, e.g. `Coinbase`.
  public var service: String
  /// Whether requests are admitted now.
  public var state: BudgetState
  /// Requests sent within the last 60 seconds (sliding window).
  public var callsLastMinute: Int
  /// Requests sent since the budget was created.
  public var totalCalls: Int
  /// Failed requests since creation: non-2xx answers, timeouts and transport failures.
  public var totalErrors: Int
  /// 2xx answers whose body could not be decoded, since creation.
  public var malformedAnswers: Int
  /// Consecutive 5xx answers, timeouts and transport failures (0 after a success).
  public var consecutiveFailures: Int
  /// Time of the latest 2xx answer, or nil before the first.
  public var lastSuccess: UnixTime?
  /// Weight counted in the current window: the larger of the local sliding count and the server's
  /// reported count for its current window.
  public var usedWeight: Int
  /// Weight admitted per window.
  public var weightLimit: Int
  /// Length of the window, seconds.
  public var windowSeconds: Double

  /// Creates a status snapshot.
  public init(
    service: String, state: BudgetState, callsLastMinute: Int, totalCalls: Int, totalErrors: Int,
    malformedAnswers: Int, consecutiveFailures: Int, lastSuccess: UnixTime?, usedWeight: Int,
    weightLimit: Int, windowSeconds: Double
  ) {
    self.service = service
    self.state = state
    self.callsLastMinute = callsLastMinute
    self.totalCalls = totalCalls
    self.totalErrors = totalErrors
    self.malformedAnswers = malformedAnswers
    self.consecutiveFailures = consecutiveFailures
    self.lastSuccess = lastSuccess
    self.usedWeight = usedWeight
    self.weightLimit = weightLimit
    self.windowSeconds = windowSeconds
  }
}
