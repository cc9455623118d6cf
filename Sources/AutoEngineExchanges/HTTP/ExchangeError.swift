public import AutoEngineCore

/// Everything that can go wrong when asking an exchange or data feed, said by what happened.
///
/// Nothing in this module crashes on bad input: every fault of the remote side ends here.
/// `retryAt` tells when trying again makes sense; `isTemporary` separates waiting from fixing.
public enum ExchangeError: Error, Hashable, Sendable, CustomStringConvertible {
  /// HTTP 429: the service asked us to slow down; no request to it before `until`.
  case rateLimited(ExchangeEndpoint, until: UnixTime)
  /// HTTP 418: our IP is banned; no request to the service before `until`.
  case banned(ExchangeEndpoint, until: UnixTime)
  /// HTTP 5xx: the service failed (for an order: outcome unknown).
  case serverError(ExchangeEndpoint, status: Int)
  /// No complete answer within the request timeout, seconds.
  case timeout(ExchangeEndpoint, afterSeconds: Double)
  /// A 2xx answer that is not what the documentation describes; `reason` says what was wrong.
  case malformed(ExchangeEndpoint, reason: String)
  /// The service refused the request with an error body: Binance.US `{"code":-1121,"msg":"Invalid
  /// symbol."}` gives code -1121, Coinbase `{"message":"NotFound"}` gives code nil.
  case rejected(ExchangeEndpoint, status: Int, code: Int?, message: String)
  /// The request was not sent: the service's budget admits none before `until`.
  case budgetDenied(service: String, until: UnixTime, reason: BudgetDenialReason)
  /// The connection failed (refused, reset, DNS, TLS): `detail` is the underlying error.
  case transport(ExchangeEndpoint, detail: String)
  /// The caller asked for something the API cannot express (e.g. an unsupported candle interval).
  case invalidRequest(String)

  /// When a retry may be sent, if the error says so (rate limit, ban, budget denial).
  public var retryAt: UnixTime? {
    switch self {
    case .rateLimited(_, let until), .banned(_, let until), .budgetDenied(_, let until, _): until
    default: nil
    }
  }

  /// True when waiting and retrying can succeed; false when the request or the data must be fixed.
  public var isTemporary: Bool {
    switch self {
    case .rateLimited, .banned, .serverError, .timeout, .budgetDenied, .transport: true
    case .malformed, .rejected, .invalidRequest: false
    }
  }

  /// The exchange's own error code (Binance.US `code`), when the service sent one.
  public var exchangeCode: Int? {
    if case .rejected(_, _, let code, _) = self { return code }
    return nil
  }

  public var description: String {
    switch self {
    case .rateLimited(let endpoint, let until):
      "\(endpoint): rate limited (HTTP 429) until \(UTCDateTime(until).rfc3339)"
    case .banned(let endpoint, let until):
      "\(endpoint): IP banned (HTTP 418) until \(UTCDateTime(until).rfc3339)"
    case .serverError(let endpoint, let status):
      "\(endpoint): server error HTTP \(status)"
    case .timeout(let endpoint, let seconds):
      "\(endpoint): no answer within \(seconds) s"
    case .malformed(let endpoint, let reason):
      "\(endpoint): malformed answer: \(reason)"
    case .rejected(let endpoint, let status, let code, let message):
      "\(endpoint): rejected with HTTP \(status)\(code.map { " code \($0)" } ?? ""): \(message)"
    case .budgetDenied(let service, let until, let reason):
      "\(service): request not sent (\(reason)) before \(UTCDateTime(until).rfc3339)"
    case .transport(let endpoint, let detail):
      "\(endpoint): connection failed: \(detail)"
    case .invalidRequest(let reason):
      "invalid request: \(reason)"
    }
  }
}
