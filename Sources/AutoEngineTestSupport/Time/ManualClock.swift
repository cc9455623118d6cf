public import AutoEngineCore
import Synchronization

/// A clock that moves only when told: `advance(by:)`, or a sleep, which returns at once after
/// moving the time forward to its deadline. Tests inject it wherever a component takes a clock,
/// so waits, `Retry-After` periods and backoff delays pass instantly and deterministically.
/// Concurrent sleepers with the same deadline move the time there once, not once each.
///
/// Its `now()` and `sleep(until:)` match `BudgetClock` (AutoEngineExchanges); a test target
/// declares the conformance.
public final class ManualClock: Sendable {
  private struct State {
    var now: UnixTime
    var sleeps: [Double] = []
  }

  private let state: Mutex<State>

  /// Creates a clock reading `start` (default 2025-06-15T15:06:40Z).
  public init(start: UnixTime = UnixTime(seconds: 1_750_000_000)) {
    state = Mutex(State(now: start))
  }

  /// The current time.
  public func now() -> UnixTime { state.withLock { $0.now } }

  /// Moves the time forward by `seconds` (negative values are ignored).
  public func advance(by seconds: Double) {
    state.withLock { $0.now = $0.now.adding(max(0, seconds)) }
  }

  /// Moves the time forward to `deadline` (if later), records the sleep's length and yields to
  /// other tasks.
  public func sleep(until deadline: UnixTime) async throws {
    try Task.checkCancellation()
    state.withLock { state in
      state.sleeps.append(deadline.since(state.now))
      if deadline > state.now { state.now = deadline }
    }
    await Task.yield()
  }

  /// Moves the time forward by `seconds` like `sleep(until:)`.
  public func sleep(seconds: Double) async throws {
    try await sleep(until: now().adding(seconds))
  }

  /// Every sleep's length requested so far (deadline minus the time then), seconds, in order.
  public var sleeps: [Double] { state.withLock { $0.sleeps } }
}
