public import AutoEngineCore
import FoundationEssentials

/// The time source of a `RequestBudget`: reads the wall clock and suspends callers.
///
/// Injected so that tests control time: a manual clock makes `Retry-After` periods, backoff
/// delays and rate windows pass instantly and deterministically.
public protocol BudgetClock: Sendable {
  /// The current time, seconds since the Unix epoch (UTC).
  func now() -> UnixTime

  /// Suspends the caller until `deadline` (at once when it has passed); throws
  /// `CancellationError` when the task is cancelled.
  func sleep(until deadline: UnixTime) async throws
}

/// The real clock: the system's wall-clock time and `Task.sleep`.
public struct SystemBudgetClock: BudgetClock {
  /// Creates the system clock.
  public init() {}

  public func now() -> UnixTime { UnixTime(seconds: Date().timeIntervalSince1970) }

  public func sleep(until deadline: UnixTime) async throws {
    let seconds = deadline.since(now())
    guard seconds > 0 else { return }
    try await Task.sleep(for: .seconds(seconds))
  }
}
