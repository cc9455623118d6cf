/// Why the mock exchange could not start.
public enum MockExchangeServerError: Error, Hashable, Sendable {
  /// `start()` was called on a running server.
  case alreadyRunning
  /// The server did not bind its port.
  case failedToStart
}
