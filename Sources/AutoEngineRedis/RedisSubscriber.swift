public import Logging
public import NIOCore
import Synchronization

/// What a subscriber receives.
public enum RedisPubSubEvent: Sendable {
  /// A message published on `channel` (matched by `pattern` for PSUBSCRIBE).
  case message(channel: String, pattern: String?, payload: ByteBuffer)
  /// The connection was re-made and every subscription re-issued. Redis pub/sub does not
  /// replay: messages published while disconnected are lost, so a consumer re-reads any
  /// snapshot it keeps (e.g. from a hash) on this event.
  case resubscribed
}

/// Pub/sub on a dedicated connection (a subscribed connection can run no other commands).
///
/// `SUBSCRIBE`/`PSUBSCRIBE` add to the set of channels and patterns; every message arrives on
/// the one `events` sequence in the order Redis sent it. When the connection drops it is re-made
/// with backoff, every subscription re-issued, and `.resubscribed` delivered. A consumer that
/// falls more than `bufferSize` messages behind loses the oldest ones.
public final class RedisSubscriber: Sendable {
  /// Messages and reconnection notices, in arrival order; ends when the subscriber is closed.
  public let events: AsyncStream<RedisPubSubEvent>
  private let continuation: AsyncStream<RedisPubSubEvent>.Continuation
  /// Runs a task on the event loop that receives the messages (every reconnection uses the same
  /// loop): a consumer of `events` running there is resumed by the read itself, without waking
  /// another thread.
  public let taskExecutor: EventLoopTaskExecutor
  private let subscriptions = SubscriptionList()
  private let link: ReconnectingConnection

  /// Creates a subscriber; it connects on the first subscription, on `eventLoop` (default: the process's
  /// Redis loop, `RedisEventLoop.shared`).
  public init(
    configuration: RedisConfiguration, bufferSize: Int = 10_000, eventLoop: (any EventLoop)? = nil,
    logger: Logger = Logger(label: "autoengine.redis")
  ) {
    let loop = eventLoop ?? RedisEventLoop.shared
    self.taskExecutor = EventLoopTaskExecutor(loop)
    let (events, continuation) = AsyncStream.makeStream(
      of: RedisPubSubEvent.self, bufferingPolicy: .bufferingNewest(bufferSize))
    self.events = events
    self.continuation = continuation
    let subscriptions = self.subscriptions
    self.link = ReconnectingConnection(
      configuration: configuration, eventLoop: loop, logger: logger,
      onPush: { value in
        guard let event = Self.event(value) else { return }
        continuation.yield(event)
      },
      prepare: { connection throws(RedisError) in
        let (channels, patterns, connects) = subscriptions.state.withLock { state in
          state.connects += 1
          return (state.channels, state.patterns, state.connects)
        }
        for channel in channels { _ = try await connection.send(RedisCommand("SUBSCRIBE", channel)) }
        for pattern in patterns { _ = try await connection.send(RedisCommand("PSUBSCRIBE", pattern)) }
        if connects > 1 { continuation.yield(.resubscribed) }
      })
  }

  /// `SUBSCRIBE`: returns once Redis confirmed every channel.
  public func subscribe(channels: [String]) async throws(RedisError) {
    subscriptions.state.withLock { $0.channels += channels }
    let connection = try await link.connection()
    for channel in channels { _ = try await connection.send(RedisCommand("SUBSCRIBE", channel)) }
  }

  /// `PSUBSCRIBE` (glob patterns such as `autoengine:*`): returns once Redis confirmed them.
  public func subscribe(patterns: [String]) async throws(RedisError) {
    subscriptions.state.withLock { $0.patterns += patterns }
    let connection = try await link.connection()
    for pattern in patterns { _ = try await connection.send(RedisCommand("PSUBSCRIBE", pattern)) }
  }

  /// Whether the connection is open right now.
  public var isConnected: Bool { link.current?.isActive ?? false }

  /// Closes the connection, stops reconnecting and ends `events`.
  public func close() {
    link.close()
    continuation.finish()
  }

  private static func event(_ value: RESPValue) -> RedisPubSubEvent? {
    guard let items = value.array, let kind = items.first?.string?.lowercased() else { return nil }
    switch kind {
    case "message", "smessage":
      guard items.count == 3, let channel = items[1].string, let payload = items[2].bytes else { return nil }
      return .message(channel: channel, pattern: nil, payload: payload)
    case "pmessage":
      guard items.count == 4, let pattern = items[1].string, let channel = items[2].string,
        let payload = items[3].bytes
      else { return nil }
      return .message(channel: channel, pattern: pattern, payload: payload)
    default:
      return nil
    }
  }
}

/// The channels and patterns a subscriber re-issues on every new connection, and how many
/// connections it has made. Thread-safe.
private final class SubscriptionList: Sendable {
  let state = Mutex((channels: [String](), patterns: [String](), connects: 0))
}
