public import AutoEngineCore

/// What went wrong with a signed (order or account) request, said so that a caller can tell
/// whether the request took effect.
///
/// The classes are exact where the transport allows it: `.notSent` and `.ruleViolation` mean
/// the request certainly did not reach the exchange (or reached its rate limiter only);
/// `.rejected` means the exchange read it and refused it (nothing happened); `.unknownOutcome`
/// means it may have taken effect (HTTP 5xx, timeout, connection lost after sending) — for a new
/// order, look it up by client order id before anything else. AsyncHTTPClient cannot always tell
/// "never written" from "written" when a connection breaks, so every doubtful case is
/// `.unknownOutcome` (the safe side).
public enum OrderAPIError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The exchange refused the request with its error body: Binance.US `code` (e.g. `-2010`) or
  /// Coinbase reason (e.g. `INSUFFICIENT_FUND`), with the exchange's message and HTTP status.
  case rejected(ExchangeEndpoint, status: Int, code: String, message: String)
  /// The order breaks one of the symbol's trading rules (checked before sending; nothing was sent).
  case ruleViolation(OrderRuleViolation)
  /// HTTP 429: the exchange's rate limiter refused the request; nothing before `until`.
  case rateLimited(ExchangeEndpoint, until: UnixTime)
  /// HTTP 418: our IP is banned; nothing before `until`.
  case banned(ExchangeEndpoint, until: UnixTime)
  /// The request was certainly not sent (connection refused, budget denied, a preparatory
  /// request failed, invalid input); `retryAt` says when trying again makes sense, when known.
  case notSent(ExchangeEndpoint, reason: String, retryAt: UnixTime?)
  /// The request may or may not have taken effect: HTTP 5xx, a timeout, or a connection lost
  /// after the request was (possibly) written.
  case unknownOutcome(ExchangeEndpoint, reason: String)
  /// A 2xx answer that is not what the documentation describes (for a new order: it exists,
  /// but its answer could not be read).
  case malformed(ExchangeEndpoint, reason: String)

  /// When a retry may be sent, if the error says so.
  public var retryAt: UnixTime? {
    switch self {
    case .rateLimited(_, let until), .banned(_, let until): until
    case .notSent(_, _, let retryAt): retryAt
    default: nil
    }
  }

  /// True when the request certainly had no effect on the exchange.
  public var certainlyNotExecuted: Bool {
    switch self {
    case .rejected, .ruleViolation, .rateLimited, .banned, .notSent: true
    case .unknownOutcome, .malformed: false
    }
  }

  /// The exchange's code or reason (`-2013`, `INSUFFICIENT_FUND`), or the violated rule's name.
  public var code: String? {
    switch self {
    case .rejected(_, _, let code, _): code
    case .ruleViolation(let violation): violation.rule
    default: nil
    }
  }

  public var description: String {
    switch self {
    case .rejected(let endpoint, let status, let code, let message):
      "\(endpoint): rejected with HTTP \(status) (\(code)): \(message)"
    case .ruleViolation(let violation):
      "\(violation) (checked before sending; nothing was sent)"
    case .rateLimited(let endpoint, let until):
      "\(endpoint): rate limited (HTTP 429) until \(UTCDateTime(until).rfc3339)"
    case .banned(let endpoint, let until):
      "\(endpoint): IP banned (HTTP 418) until \(UTCDateTime(until).rfc3339)"
    case .notSent(let endpoint, let reason, _):
      "\(endpoint): not sent: \(reason)"
    case .unknownOutcome(let endpoint, let reason):
      "\(endpoint): outcome unknown: \(reason)"
    case .malformed(let endpoint, let reason):
      "\(endpoint): malformed answer: \(reason)"
    }
  }
}

extension OrderAPIError {
  /// This error of a preparatory request (server time, exchangeInfo, product) as the error of
  /// the request it prepared at `endpoint`, which was therefore not sent: refusals and rule
  /// violations stay what they are, anything else becomes `.notSent`.
  func beforeSending(_ endpoint: ExchangeEndpoint) -> OrderAPIError {
    switch self {
    case .rejected, .ruleViolation, .notSent: self
    default: .notSent(endpoint, reason: "a preparatory request failed: \(self)", retryAt: retryAt)
    }
  }
}
