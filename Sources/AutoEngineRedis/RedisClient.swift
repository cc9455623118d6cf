public import Logging
public import NIOCore

/// A Redis client for a server process: one multiplexed connection shared by every caller,
/// pipelining, command timeouts, and reconnection with backoff when the connection drops.
///
/// Every call may run concurrently with any other; replies are matched to commands in FIFO
/// order on the one connection. While Redis is unreachable, calls wait up to the command
/// timeout for the reconnect and then fail with `RedisError.unavailable` — they never hang.
/// Subscriptions need their own connection: see `RedisSubscriber`.
public final class RedisClient: Sendable {
  /// Where the client connects.
  public let configuration: RedisConfiguration
  /// Runs a task on the event loop of the client's connection (every reconnection uses the same
  /// loop): a caller that pipelines from it writes without handing over to another thread.
  public let taskExecutor: EventLoopTaskExecutor
  private let link: ReconnectingConnection

  /// Creates a client; it connects on first use (or `connect()`), on `eventLoop` (default: the process's
  /// Redis loop, `RedisEventLoop.shared`).
  public init(
    configuration: RedisConfiguration, eventLoop: (any EventLoop)? = nil,
    logger: Logger = Logger(label: "autoengine.redis")
  ) {
    self.configuration = configuration
    let loop = eventLoop ?? RedisEventLoop.shared
    self.taskExecutor = EventLoopTaskExecutor(loop)
    self.link = ReconnectingConnection(configuration: configuration, eventLoop: loop, logger: logger)
  }

  /// Connects now with a single attempt, so a start-up can fail fast with a clear reason.
  ///
  /// - Throws: `RedisError.unavailable` (unreachable) or `.server` (e.g. WRONGPASS, NOAUTH).
  public func connect() async throws(RedisError) {
    try await link.connectOnce()
  }

  /// Whether the connection is open right now.
  public var isConnected: Bool { link.current?.isActive ?? false }

  /// Why the latest connection attempt failed, while disconnected; nil when connected.
  public var lastError: RedisError? { link.lastError }

  /// Sends one command and returns its reply.
  ///
  /// - Throws: `RedisError.server` for an error reply (e.g. WRONGTYPE), `.timeout`,
  ///   `.connectionClosed` when the connection dropped before the reply, `.unavailable`.
  @discardableResult
  public func send(_ command: RedisCommand) async throws(RedisError) -> RESPValue {
    try await link.connection().send(command)
  }

  /// Sends one command of text arguments, e.g. `send("SET", "key", "value")`.
  @discardableResult
  public func send(_ name: String, _ arguments: String...) async throws(RedisError) -> RESPValue {
    try await send(RedisCommand(name, arguments))
  }

  /// Sends commands in one write and returns their replies in order; an error reply fails only
  /// its own entry.
  public func pipeline(_ commands: [RedisCommand]) async throws(RedisError) -> [Result<RESPValue, RedisError>] {
    try await link.connection().pipeline(commands)
  }

  /// Writes commands in one write now and returns their replies without waiting for them
  /// (waits only for a connection when there is none): a caller can prepare its next write
  /// while these travel, and the two are still answered in order.
  public func enqueue(_ commands: [RedisCommand]) async throws(RedisError) -> RedisPendingReplies {
    try await link.connection().enqueue(commands)
  }

  /// Closes the connection and stops reconnecting.
  public func close() { link.close() }
}
