/// What went wrong talking to Redis, by what the caller can do about it.
public enum RedisError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Redis answered with an error reply, e.g. "WRONGTYPE Operation against a key holding the
  /// wrong kind of value" (the command reached Redis; retrying it unchanged fails again).
  case server(String)
  /// The connection closed before the reply arrived (the command may or may not have run).
  case connectionClosed
  /// No connection could be made within the time allowed; the text says why the last attempt failed.
  case unavailable(String)
  /// No reply within the command timeout, seconds; the connection is closed and re-made.
  case timeout(Double)
  /// Redis sent bytes that are not RESP (the connection is closed).
  case protocolViolation(String)
  /// A `redis://` or `rediss://` URL that cannot be used; the text says which part is wrong.
  case invalidURL(String)
  /// The reply had an unexpected shape for the command (e.g. not an array).
  case unexpectedReply(String)
  /// The client or subscriber was closed by its owner.
  case closed

  public var description: String {
    switch self {
    case .server(let message): return "Redis error: \(message)"
    case .connectionClosed: return "the Redis connection closed before the reply arrived"
    case .unavailable(let reason): return "Redis is unavailable: \(reason)"
    case .timeout(let seconds): return "no reply from Redis within \(seconds) s"
    case .protocolViolation(let detail): return "Redis protocol violation: \(detail)"
    case .invalidURL(let detail): return "invalid Redis URL: \(detail)"
    case .unexpectedReply(let detail): return "unexpected Redis reply: \(detail)"
    case .closed: return "the Redis client is closed"
    }
  }

  /// The error's first word for server errors (ERR, WRONGTYPE, NOAUTH, WRONGPASS…), else nil.
  public var serverCode: String? {
    guard case .server(let message) = self else { return nil }
    return message.split(separator: " ", maxSplits: 1).first.map(String.init)
  }
}
