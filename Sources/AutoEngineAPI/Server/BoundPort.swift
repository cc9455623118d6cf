import Synchronization

/// The port a listener bound, available to awaiting callers once the listener is up.
///
/// Tests bind port 0 and ask here for the real port; the executable logs it.
final class BoundPort: Sendable {
  private enum State {
    case waiting([CheckedContinuation<Int, any Error>])
    case bound(Int)
    case failed(any Error)
  }

  private let state = Mutex(State.waiting([]))

  /// The bound port, waiting until the listener is up; throws if it failed to start.
  var value: Int {
    get async throws {
      try await withCheckedThrowingContinuation { continuation in
        let ready: Result<Int, any Error>? = state.withLock { state in
          switch state {
          case .waiting(var waiters):
            waiters.append(continuation)
            state = .waiting(waiters)
            return nil
          case .bound(let port): return .success(port)
          case .failed(let error): return .failure(error)
          }
        }
        if let ready { continuation.resume(with: ready) }
      }
    }
  }

  /// Resolves every waiter with the bound port.
  func resolve(_ port: Int) { settle(.success(port)) }

  /// Resolves every waiter with the listener's start-up failure.
  func fail(_ error: any Error) { settle(.failure(error)) }

  private func settle(_ result: Result<Int, any Error>) {
    let waiters: [CheckedContinuation<Int, any Error>] = state.withLock { state in
      guard case .waiting(let waiters) = state else { return [] }
      switch result {
      case .success(let port): state = .bound(port)
      case .failure(let error): state = .failed(error)
      }
      return waiters
    }
    for waiter in waiters { waiter.resume(with: result) }
  }
}
