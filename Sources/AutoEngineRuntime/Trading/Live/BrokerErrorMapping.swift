import AutoEngineExchanges

/// How an order client's `OrderAPIError` becomes the `BrokerError` of the `Broker` contract,
/// per kind of call: what the trading desk must do next depends on whether a new order may
/// exist (`unknownOutcome` → look it up before anything else) or certainly does not
/// (`notSent`, `rejected`).
enum BrokerErrorMapping {
  /// A new order: refusals (the exchange's or a rule checked before sending) are final;
  /// rate limits, bans and failures before sending are `notSent`; 5xx, timeouts, broken
  /// connections and unreadable 2xx answers are `unknownOutcome`.
  static func submit(_ error: OrderAPIError) -> BrokerError {
    switch error {
    case .rejected(_, _, let code, let message): .rejected(code: code, message: message)
    case .ruleViolation(let violation): .rejected(code: violation.rule, message: error.description)
    case .rateLimited, .banned, .notSent: .notSent(error.description)
    case .unknownOutcome, .malformed: .unknownOutcome(error.description)
    }
  }

  /// A lookup or a balance query: refusals stay refusals; anything else means the exchange
  /// cannot be asked now.
  static func query(_ error: OrderAPIError) -> BrokerError {
    switch error {
    case .rejected(_, _, let code, let message): .rejected(code: code, message: message)
    case .ruleViolation(let violation): .rejected(code: violation.rule, message: error.description)
    case .rateLimited, .banned, .notSent, .unknownOutcome, .malformed: .unavailable(error.description)
    }
  }

  /// A cancel: refusals are final; a cancel that may have been carried out is `unknownOutcome`;
  /// one certainly not sent is `unavailable`.
  static func cancel(_ error: OrderAPIError) -> BrokerError {
    switch error {
    case .rejected(_, _, let code, let message): .rejected(code: code, message: message)
    case .ruleViolation(let violation): .rejected(code: violation.rule, message: error.description)
    case .unknownOutcome, .malformed: .unknownOutcome(error.description)
    case .rateLimited, .banned, .notSent: .unavailable(error.description)
    }
  }
}
