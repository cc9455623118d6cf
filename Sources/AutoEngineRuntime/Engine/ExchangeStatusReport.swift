public import AutoEngineCore
public import AutoEngineExchanges

/// One exchange connection's status for `GetStatus`: reachability, rate-limit state, call counts.
public struct ExchangeStatusReport: Sendable {
  /// The exchange.
  public var exchange: Exchange
  /// The base URL in use.
  public var baseURL: String
  /// The request budget's counters and state.
  public var budget: BudgetStatus
  /// Whether the latest call reached the exchange (no consecutive failures pending).
  public var reachable: Bool { budget.consecutiveFailures == 0 && budget.lastSuccess != nil }

  /// Creates a report.
  public init(exchange: Exchange, baseURL: String, budget: BudgetStatus) {
    self.exchange = exchange
    self.baseURL = baseURL
    self.budget = budget
  }
}

/// Something that can report the status of its exchange connections (the live market).
public protocol ExchangeStatusSource: Sendable {
  /// The status of each exchange connection.
  func exchangeStatuses() async -> [ExchangeStatusReport]
}

extension LiveMarket: ExchangeStatusSource {
  public func exchangeStatuses() async -> [ExchangeStatusReport] {
    await budgetStatuses().map { ExchangeStatusReport(exchange: $0.exchange, baseURL: $0.baseURL, budget: $0.status) }
  }
}
