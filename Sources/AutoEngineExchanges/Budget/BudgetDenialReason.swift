/// Why a `RequestBudget` refused to send a request.
public enum BudgetDenialReason: String, Hashable, Sendable, CustomStringConvertible {
  /// A 429's `Retry-After` (or its backoff) has not elapsed.
  case rateLimited = "rate limited"
  /// A 418 ban has not ended.
  case banned
  /// Backing off after server errors or timeouts.
  case backingOff = "backing off"
  /// The window's weight is used up for longer than the bounded wait.
  case windowFull = "request window full"

  public var description: String { rawValue }
}
