import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM as a cancellation of the running command.
enum Interruption {
  /// How a body run with `cancellingOnSignals` ended.
  enum Outcome: Sendable {
    /// The body returned.
    case finished
    /// SIGINT or SIGTERM arrived and the body was cancelled.
    case interrupted
  }

  /// Runs `body`; SIGINT or SIGTERM cancels it (the process does not die mid-write) and the
  /// outcome says so. Errors of the body are rethrown unless it was interrupted.
  static func cancellingOnSignals(_ body: @escaping @Sendable () async throws -> Void) async throws -> Outcome {
    let (signals, continuation) = AsyncStream<Int32>.makeStream()
    let sources = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { continuation.yield(number) }
      source.resume()
      return source
    }
    defer {
      for source in sources { source.cancel() }
      continuation.finish()
    }
    return try await withThrowingTaskGroup(of: Outcome.self) { group in
      group.addTask {
        try await body()
        return .finished
      }
      group.addTask {
        var iterator = signals.makeAsyncIterator()
        _ = await iterator.next()
        return .interrupted
      }
      guard let first = try await group.next() else { return .finished }
      group.cancelAll()
      guard first == .interrupted, !Task.isCancelled else { return first }
      // The body ends with a cancellation error, which is the expected way out.
      while true {
        do {
          guard try await group.next() != nil else { break }
        } catch {
          continue
        }
      }
      return .interrupted
    }
  }
}
