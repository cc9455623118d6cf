public import AutoEngineCore

/// Whether a `RequestBudget` admits requests now, and if not, until when.
public enum BudgetState: Hashable, Sendable, CustomStringConvertible {
  /// Requests are admitted (subject to the window's room).
  case ok
  /// HTTP 429 received: no request before `until` (its `Retry-After`, or a backoff without one).
  case throttled(until: UnixTime)
  /// 5xx answers, timeouts or transport failures: no request before `until`.
  case backingOff(until: UnixTime)
  /// HTTP 418 received (IP banned): no request before `until`.
  case banned(until: UnixTime)

  /// The end of the blocking period, or nil when `ok`.
  public var until: UnixTime? {
    switch self {
    case .ok: nil
    case .throttled(let until), .backingOff(let until), .banned(let until): until
    }
  }

  /// A short word for status pages and metrics: `ok`, `throttled`, `backing_off`, `banned`.
  public var name: String {
    switch self {
    case .ok: "ok"
    case .throttled: "throttled"
    case .backingOff: "backing_off"
    case .banned: "banned"
    }
  }

  public var description: String {
    guard let until else { return name }
    return "\(name) until \(UTCDateTime(until).rfc3339)"
  }
}
