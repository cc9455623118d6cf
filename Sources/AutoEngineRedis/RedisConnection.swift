public import Logging
public import NIOCore
public import NIOPosix
import NIOSSL

/// One TCP (or TLS) connection to Redis, authenticated and on its database, multiplexing any
/// number of concurrent callers: commands are written in call order and replies matched FIFO.
///
/// It does not reconnect; `RedisClient` and `RedisSubscriber` make a new one when it closes.
public final class RedisConnection: Sendable {
  /// The underlying channel.
  let channel: any Channel
  /// The configuration it was made with.
  public let configuration: RedisConfiguration

  private init(channel: any Channel, configuration: RedisConfiguration) {
    self.channel = channel
    self.configuration = configuration
  }

  /// Connects, then authenticates (AUTH, or HELLO 3 with AUTH), and selects the database.
  ///
  /// - Parameter onPush: receives out-of-band messages (pub/sub); setting it puts the
  ///   connection in pub/sub mode.
  /// - Throws: `RedisError.unavailable` when the server cannot be reached, `.server` when it
  ///   refuses the credentials or the database.
  public static func connect(
    _ configuration: RedisConfiguration, onPush: (@Sendable (RESPValue) -> Void)? = nil,
    group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) async throws(RedisError) -> RedisConnection {
    let tlsContext: NIOSSLContext?
    if configuration.useTLS {
      var tls = TLSConfiguration.makeClientConfiguration()
      if !configuration.verifyCertificate { tls.certificateVerification = .none }
      if let path = configuration.trustRootsPath { tls.trustRoots = .file(path) }
      do {
        tlsContext = try NIOSSLContext(configuration: tls)
      } catch {
        throw .unavailable("TLS set-up failed: \(error)")
      }
    } else {
      tlsContext = nil
    }
    let host = configuration.host
    let pubSub = onPush != nil
    let bootstrap = ClientBootstrap(group: group)
      .connectTimeout(.nanoseconds(Int64(configuration.connectTimeout * 1e9)))
      .channelOption(.socketOption(.tcp_nodelay), value: 1)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let sync = channel.pipeline.syncOperations
          if let tlsContext {
            let serverName = host.first?.isNumber == true || host.contains(":") ? nil : host
            try sync.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: serverName))
          }
          try sync.addHandler(ByteToMessageHandler(RESPDecoder()))
          try sync.addHandler(RedisCommandHandler(pubSub: pubSub, onPush: onPush))
        }
      }
    let channel: any Channel
    do {
      channel = try await bootstrap.connect(host: host, port: configuration.port).get()
    } catch {
      throw .unavailable("cannot connect to \(configuration.address): \(error)")
    }
    let connection = RedisConnection(channel: channel, configuration: configuration)
    do {
      try await connection.handshake()
    } catch {
      connection.close()
      throw error
    }
    return connection
  }

  private func handshake() async throws(RedisError) {
    let configuration = self.configuration
    if configuration.protocolVersion == 3 {
      var arguments = ["3"]
      if let password = configuration.password {
        arguments += ["AUTH", configuration.username ?? "default", password]
      }
      _ = try await send(RedisCommand("HELLO", arguments))
    } else if let password = configuration.password {
      if let username = configuration.username {
        _ = try await send(RedisCommand("AUTH", username, password))
      } else {
        _ = try await send(RedisCommand("AUTH", password))
      }
    }
    if configuration.database != 0 {
      _ = try await send(RedisCommand("SELECT", String(configuration.database)))
    }
  }

  /// Whether the connection is open.
  public var isActive: Bool { channel.isActive }

  /// Completes when the connection has closed.
  public var closeFuture: EventLoopFuture<Void> { channel.closeFuture }

  /// Sends one command and waits for its reply.
  ///
  /// - Parameter timeout: seconds to wait (default: the configuration's command timeout).
  /// - Throws: `RedisError.server` for an error reply, `.timeout`, `.connectionClosed`.
  public func send(_ command: RedisCommand, timeout: Double? = nil) async throws(RedisError) -> RESPValue {
    let reply = try await write([command], timeout: timeout ?? configuration.commandTimeout)[0]
    return try reply.get()
  }

  /// Sends commands back to back in one write (pipelining) and returns every reply in order;
  /// an error reply fails only its own entry.
  ///
  /// - Throws: `RedisError.timeout` or `.connectionClosed` when the replies cannot all arrive.
  public func pipeline(_ commands: [RedisCommand]) async throws(RedisError) -> [Result<RESPValue, RedisError>] {
    try await write(commands, timeout: configuration.commandTimeout)
  }

  /// Writes commands back to back now (pipelining) and returns their replies without waiting
  /// for them: a caller can prepare its next write while these travel.
  public func enqueue(_ commands: [RedisCommand]) -> RedisPendingReplies {
    RedisPendingReplies(future: send(commands, timeout: configuration.commandTimeout))
  }

  private func write(
    _ commands: [RedisCommand], timeout: Double?
  ) async throws(RedisError) -> [Result<RESPValue, RedisError>] {
    try await RedisPendingReplies(future: send(commands, timeout: timeout)).replies()
  }

  /// One buffer, one write, one flush, one promise for every reply: a single hop onto the event
  /// loop (none when called on it) and a single wake-up of the caller, however many commands
  /// are pipelined.
  private func send(_ commands: [RedisCommand], timeout: Double?) -> EventLoopFuture<[RESPValue]> {
    guard !commands.isEmpty else { return channel.eventLoop.makeSucceededFuture([]) }
    var bytes = channel.allocator.buffer(capacity: 64 * commands.count)
    for command in commands { command.encode(into: &bytes) }
    let promise = channel.eventLoop.makePromise(of: [RESPValue].self)
    channel.writeAndFlush(RedisOutboundCommand(bytes: bytes, count: commands.count, promise: promise, timeout: timeout))
      .whenFailure { error in promise.fail(error) }
    return promise.futureResult
  }

  /// Closes the connection; waiting commands fail with `RedisError.connectionClosed`.
  public func close() {
    channel.close(promise: nil)
  }
}

/// The replies of commands already written (`RedisClient.enqueue`), in order.
public struct RedisPendingReplies: Sendable {
  let future: EventLoopFuture<[RESPValue]>

  /// Waits for every reply; an error reply fails only its own entry.
  ///
  /// - Throws: `RedisError.timeout` or `.connectionClosed` when the replies cannot all arrive.
  public func replies() async throws(RedisError) -> [Result<RESPValue, RedisError>] {
    let values: [RESPValue]
    do {
      values = try await future.get()
    } catch let error as RedisError {
      throw error
    } catch is ChannelError {
      throw .connectionClosed
    } catch {
      throw .unavailable("\(error)")
    }
    return values.map { value in
      if case .error(let message) = value { return .failure(.server(message)) }
      return .success(value)
    }
  }
}

extension RedisConnection {
  /// Logs and returns a connection, for the reconnecting owners.
  static func connect(
    _ configuration: RedisConfiguration, onPush: (@Sendable (RESPValue) -> Void)?, eventLoop: any EventLoop,
    logger: Logger
  ) async throws(RedisError) -> RedisConnection {
    let connection = try await connect(configuration, onPush: onPush, group: eventLoop)
    logger.debug("redis connection open", metadata: ["redis": "\(configuration.address)"])
    return connection
  }
}
