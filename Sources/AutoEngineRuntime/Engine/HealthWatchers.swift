import Synchronization

/// The subscribers to health changes, each an `AsyncStream` that keeps only the newest report.
///
/// Thread-safe (a `Mutex`), so that an RPC cancellation handler can unsubscribe from any thread
/// without awaiting the engine actor.
final class HealthWatchers: Sendable {
  private struct State {
    var nextID: UInt64 = 1
    var continuations: [UInt64: AsyncStream<HealthReport>.Continuation] = [:]
  }

  private let state = Mutex(State())

  /// Adds a subscriber whose stream starts with `initial`.
  func subscribe(initial: HealthReport) -> (id: UInt64, reports: AsyncStream<HealthReport>) {
    let (stream, continuation) = AsyncStream.makeStream(
      of: HealthReport.self, bufferingPolicy: .bufferingNewest(1))
    continuation.yield(initial)
    let id = state.withLock { state in
      let id = state.nextID
      state.nextID += 1
      state.continuations[id] = continuation
      return id
    }
    continuation.onTermination = { [weak self] _ in self?.remove(id) }
    return (id, stream)
  }

  /// Finishes and removes a subscriber; no effect for an unknown id.
  func unsubscribe(_ id: UInt64) {
    remove(id)?.finish()
  }

  /// Sends a report to every subscriber.
  func publish(_ report: HealthReport) {
    let all = state.withLock { Array($0.continuations.values) }
    for continuation in all { continuation.yield(report) }
  }

  /// Finishes every subscriber's stream (at server shutdown), so that no stream handler waits forever.
  func finishAll() {
    let all = state.withLock { state in
      defer { state.continuations.removeAll() }
      return Array(state.continuations.values)
    }
    for continuation in all { continuation.finish() }
  }

  /// Number of subscribers.
  var count: Int { state.withLock { $0.continuations.count } }

  @discardableResult
  private func remove(_ id: UInt64) -> AsyncStream<HealthReport>.Continuation? {
    state.withLock { $0.continuations.removeValue(forKey: id) }
  }
}
