import GRPCCore
import GRPCNIOTransportHTTP2
import Synchronization

/// Something a stream's follower should tell the user besides the messages.
enum StreamEvent: Sendable {
  /// The first message of a (re)connection arrived.
  case connected(reconnected: Bool)
  /// The stream ended or broke; the session reconnects after `delay`.
  case reconnecting(reason: String, delay: Duration, attempt: Int)
}

/// Follows one server stream: opens it, hands every message on, stops after a message limit,
/// and reconnects with exponential backoff when the server ends the stream or goes away.
///
/// The first connection must succeed: a server that cannot be reached at all is an error (exit
/// 14), not something to wait for. Once a stream has delivered a message, a broken or ended
/// stream is retried after 0.5 s, 1 s, 2 s … up to 10 s between attempts, until Ctrl-C.
/// Errors that a retry cannot fix (NOT_FOUND, INVALID_ARGUMENT, UNAUTHENTICATED…) end the
/// session at once.
struct StreamSession: Sendable {
  /// The server and its options.
  let connection: ConnectionOptions
  /// Whether to reconnect after the stream ends or breaks.
  let reconnects: Bool
  /// Most messages to receive over all connections; nil for no limit.
  let limit: Int?

  /// Opens one stream: calls the RPC with the metadata and hands the response to `handle`,
  /// returning what it returns.
  typealias Opener<Message: Sendable> =
    @Sendable (
      _ client: GRPCClient<HTTP2ClientTransport.Posix>, _ metadata: Metadata,
      _ handle: @escaping @Sendable (StreamingClientResponse<Message>) async throws -> Bool
    ) async throws -> Bool

  /// Creates a session from the shared options.
  init(connection: ConnectionOptions, options: StreamOptions) {
    self.init(connection: connection, reconnects: !options.noReconnect, limit: options.count)
  }

  /// Creates a session.
  init(connection: ConnectionOptions, reconnects: Bool, limit: Int?) {
    self.connection = connection
    self.reconnects = reconnects
    self.limit = limit
  }

  /// Runs the session until the message limit, the end of a stream that is not reconnected, or
  /// an error that a retry cannot fix (reported on stderr and thrown as the exit code).
  func run<Message: Sendable>(
    open: @escaping Opener<Message>,
    onEvent: @escaping @Sendable (StreamEvent) async -> Void,
    onMessage: @escaping @Sendable (Message) async throws -> Void
  ) async throws {
    do {
      try await follow(open: open, onEvent: onEvent, onMessage: onMessage)
    } catch let error as CancellationError {
      throw error
    } catch {
      throw CommandFailure.report(error, server: connection.address)
    }
  }

  /// Runs the session like `run`, but throws errors as they are, without a word on stderr.
  func follow<Message: Sendable>(
    open: @escaping Opener<Message>,
    onEvent: @escaping @Sendable (StreamEvent) async -> Void,
    onMessage: @escaping @Sendable (Message) async throws -> Void
  ) async throws {
    let progress = Progress()
    var attempt = 0
    while true {
      let reason: String
      do {
        let reachedLimit = try await connection.withClient { client in
          try await open(client, connection.metadata) { response in
            for try await message in response.messages {
              let (first, count) = progress.record()
              if first { await onEvent(.connected(reconnected: progress.hasReconnected)) }
              try await onMessage(message)
              if let limit, count >= limit { return true }
            }
            return false
          }
        }
        if reachedLimit { return }
        reason = "the server ended the stream"
      } catch {
        if Task.isCancelled { throw CancellationError() }
        guard reconnects, progress.hasConnected, Self.isWorthRetrying(error) else { throw error }
        reason = Self.describe(error, server: connection.address)
      }
      guard reconnects else { return }
      if progress.startAttempt() { attempt = 0 }
      attempt += 1
      let delay = Self.backoff(attempt: attempt)
      await onEvent(.reconnecting(reason: reason, delay: delay, attempt: attempt))
      try await Task.sleep(for: delay)
    }
  }

  /// The wait before reconnection attempt `attempt` (1-based): 0.5 s doubling to at most 10 s.
  static func backoff(attempt: Int) -> Duration {
    let milliseconds = 500 * (1 << min(max(attempt - 1, 0), 5))
    return .milliseconds(min(milliseconds, 10_000))
  }

  /// Whether a retry may fix `error`: the server is away or the stream broke, not a refusal.
  static func isWorthRetrying(_ error: any Error) -> Bool {
    guard let rpc = error as? RPCError else { return false }
    let final: [RPCError.Code] = [
      .notFound, .invalidArgument, .unauthenticated, .permissionDenied, .unimplemented, .failedPrecondition,
      .outOfRange, .alreadyExists,
    ]
    return !final.contains(rpc.code)
  }

  /// A short reason for the user: "connection refused", "UNAVAILABLE: …".
  static func describe(_ error: any Error, server: String) -> String {
    guard let rpc = error as? RPCError else { return String(describing: error) }
    if rpc.code == .unavailable { return CommandFailure.cause(of: rpc) }
    return "\(CommandFailure.name(of: rpc.code)): \(rpc.message)"
  }
}

/// Message counts of a session, shared with the stream handlers.
private final class Progress: Sendable {
  private struct State {
    var total = 0
    var connections = 0
    var messagesOfConnection = 0
  }

  private let state = Mutex(State())

  /// Counts a message; returns whether it is the first of its connection and the total so far.
  func record() -> (first: Bool, total: Int) {
    state.withLock { state in
      state.total += 1
      state.messagesOfConnection += 1
      if state.messagesOfConnection == 1 { state.connections += 1 }
      return (state.messagesOfConnection == 1, state.total)
    }
  }

  /// Whether any connection delivered a message.
  var hasConnected: Bool { state.withLock { $0.connections > 0 } }

  /// Whether the current connection is a reconnection.
  var hasReconnected: Bool { state.withLock { $0.connections > 1 } }

  /// Starts a new connection attempt; returns whether the previous one delivered messages (so
  /// the backoff starts over).
  func startAttempt() -> Bool {
    state.withLock { state in
      defer { state.messagesOfConnection = 0 }
      return state.messagesOfConnection > 0
    }
  }
}
