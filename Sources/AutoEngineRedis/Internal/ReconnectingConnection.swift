import Logging
import NIOCore
import Synchronization

/// Keeps one `RedisConnection` open: connects on first use, and when the connection drops,
/// reconnects in the background with exponential backoff (initial → maximum delay) until it
/// succeeds or the owner closes it. Callers that need the connection while it is down wait for
/// the next successful attempt, at most the command timeout. Every connection it makes is on
/// the same event loop, so a consumer can run on that loop (`EventLoopTaskExecutor`) across
/// reconnections.
final class ReconnectingConnection: Sendable {
  private struct State {
    var connection: RedisConnection?
    var connecting = false
    var closed = false
    var nextWaiter: UInt64 = 0
    var waiters: [UInt64: CheckedContinuation<RedisConnection, any Error>] = [:]
    var lastError: RedisError?
    var connects = 0
  }

  let configuration: RedisConfiguration
  /// The loop every connection is made on.
  let eventLoop: any EventLoop
  private let state = Mutex(State())
  private let onPush: (@Sendable (RESPValue) -> Void)?
  /// Runs on every new connection before callers get it (the subscriber resubscribes here).
  private let prepare: @Sendable (RedisConnection) async throws(RedisError) -> Void
  private let logger: Logger

  init(
    configuration: RedisConfiguration, eventLoop: any EventLoop, logger: Logger,
    onPush: (@Sendable (RESPValue) -> Void)? = nil,
    prepare: @escaping @Sendable (RedisConnection) async throws(RedisError) -> Void = { _ throws(RedisError) in }
  ) {
    self.configuration = configuration
    self.eventLoop = eventLoop
    self.logger = logger
    self.onPush = onPush
    self.prepare = prepare
  }

  /// The open connection, if any (no waiting).
  var current: RedisConnection? { state.withLock { $0.connection } }

  /// Why the latest connection attempt failed, while disconnected.
  var lastError: RedisError? { state.withLock { $0.lastError } }

  /// The open connection, connecting (and waiting up to the command timeout) when there is none.
  ///
  /// - Throws: `RedisError.unavailable` (with the last attempt's reason) or `.closed`.
  func connection() async throws(RedisError) -> RedisConnection {
    if let connection = state.withLock({ $0.connection }), connection.isActive { return connection }
    let timeout = configuration.commandTimeout
    do {
      return try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<RedisConnection, any Error>) in
        let (id, start, closed) = state.withLock { state -> (UInt64, Bool, Bool) in
          if state.closed { return (0, false, true) }
          state.nextWaiter += 1
          state.waiters[state.nextWaiter] = continuation
          let start = !state.connecting
          state.connecting = true
          return (state.nextWaiter, start, false)
        }
        if closed {
          continuation.resume(throwing: RedisError.closed)
          return
        }
        if start { startConnecting() }
        Task { [weak self] in
          try? await Task.sleep(for: .milliseconds(Int64(timeout * 1000)))
          guard let self else { return }
          let waiter = self.state.withLock { $0.waiters.removeValue(forKey: id) }
          let reason = self.lastError?.description ?? "no connection within \(timeout) s"
          waiter?.resume(throwing: RedisError.unavailable("\(self.configuration.address): \(reason)"))
        }
      }
    } catch let error as RedisError {
      throw error
    } catch {
      throw .unavailable("\(error)")
    }
  }

  /// Makes one connection attempt now and fails if it fails (no backoff): for a start-up check.
  func connectOnce() async throws(RedisError) {
    if let connection = current, connection.isActive { return }
    install(try await connectAndPrepare())
  }

  /// A new connection, prepared (AUTH, HELLO, SELECT…); closed again when preparing it fails.
  private func connectAndPrepare() async throws(RedisError) -> RedisConnection {
    let connection = try await RedisConnection.connect(
      configuration, onPush: onPush, eventLoop: eventLoop, logger: logger)
    do throws(RedisError) {
      try await prepare(connection)
    } catch {
      connection.close()
      throw error
    }
    return connection
  }

  /// Closes the connection and stops reconnecting; waiting callers fail with `.closed`.
  func close() {
    let (connection, waiters) = state.withLock { state in
      state.closed = true
      defer {
        state.waiters.removeAll()
        state.connection = nil
      }
      return (state.connection, Array(state.waiters.values))
    }
    connection?.close()
    for waiter in waiters { waiter.resume(throwing: RedisError.closed) }
  }

  private func startConnecting() {
    Task { [self] in
      var delay = configuration.initialBackoff
      var attempts = 0
      while !state.withLock({ $0.closed }) {
        attempts += 1
        do throws(RedisError) {
          install(try await connectAndPrepare())
          return
        } catch {
          state.withLock { $0.lastError = error }
          if attempts == 1 || attempts.isMultiple(of: 20) {
            logger.warning(
              "redis connection attempt failed; retrying with backoff",
              metadata: ["redis": "\(configuration.address)", "attempt": "\(attempts)", "error": "\(error)"])
          }
        }
        try? await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
        delay = min(delay * 2, configuration.maximumBackoff)
      }
      state.withLock { $0.connecting = false }
    }
  }

  private func install(_ connection: RedisConnection) {
    let (waiters, closed, reconnect) = state.withLock { state in
      defer { state.waiters.removeAll() }
      state.connecting = false
      if !state.closed {
        state.connection = connection
        state.lastError = nil
        state.connects += 1
      }
      return (Array(state.waiters.values), state.closed, state.connects > 1)
    }
    if closed {
      connection.close()
      for waiter in waiters { waiter.resume(throwing: RedisError.closed) }
      return
    }
    logger.notice(
      reconnect ? "redis reconnected" : "redis connected", metadata: ["redis": "\(configuration.redactedURL)"])
    for waiter in waiters { waiter.resume(returning: connection) }
    connection.closeFuture.whenComplete { [weak self] _ in self?.connectionClosed(connection) }
  }

  private func connectionClosed(_ connection: RedisConnection) {
    let start = state.withLock { state -> Bool in
      guard state.connection === connection else { return false }
      state.connection = nil
      state.lastError = .connectionClosed
      guard !state.closed, !state.connecting else { return false }
      state.connecting = true
      return true
    }
    guard start else { return }
    logger.warning("redis connection lost; reconnecting", metadata: ["redis": "\(configuration.address)"])
    startConnecting()
  }
}
