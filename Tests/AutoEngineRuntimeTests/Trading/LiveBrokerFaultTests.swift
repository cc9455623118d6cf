import AsyncHTTPClient
import AutoEngineCore
import AutoEngineExchanges
import AutoEngineTestSupport
import FoundationEssentials
import NIOCore
import Testing

@testable import AutoEngineRuntime

/// How the live brokers classify faults, and the pure mappings behind it.
@Suite("Live brokers: faults and mappings")
struct LiveBrokerFaultTests {
  @Test("a refused connection means the order was not sent", arguments: [Exchange.binanceUS, .coinbase])
  func connectionRefused(_ exchange: Exchange) async throws {
    let server = MockExchangeServer()
    try await server.start()
    let url = server.baseURL
    let environment = LiveBrokerHarness.environment(server.state)
    await server.stop()
    // AsyncHTTPClient retries a refused connection until its connect timeout: keep that short.
    let http = HTTPClient(
      eventLoopGroupProvider: .singleton,
      configuration: HTTPClient.Configuration(timeout: .init(connect: .milliseconds(100))))
    let made = LiveBrokers.make(
      environment: environment, coinbaseURL: url, binanceURL: url, httpClient: http,
      settings: HTTPRequestSettings(timeoutSeconds: 2), budgets: LiveBrokerHarness.budgets,
      logger: LiveBrokerHarness.quietLogger)
    let broker = try #require(made.brokers[exchange])
    let error = await brokerError { try await broker.submit(btcOrder(exchange, "nc-1", amount: .quote(10))) }
    try await http.shutdown()
    guard case .notSent = error else {
      Issue.record("expected not sent, got \(String(describing: error))")
      return
    }
  }

  @Test(
    "a rule broken before sending is a final rejection naming the rule", arguments: [Exchange.binanceUS, .coinbase])
  func ruleViolation(_ exchange: Exchange) async throws {
    try await LiveBrokerHarness.run { h async throws in
      let error = await brokerError {
        try await h.broker(exchange).submit(btcOrder(exchange, "tiny", amount: .quote(Decimal(string: "0.5") ?? 0)))
      }
      guard case .rejected(let code, let message) = error else {
        Issue.record("expected a rejection, got \(String(describing: error))")
        return
      }
      #expect(code == (exchange == .coinbase ? "quote_min_size" : "NOTIONAL"))
      #expect(message.contains("nothing was sent"))
      #expect(h.state.callCount(LiveBrokerHarness.newOrderEndpoint(exchange)) == 0)
    }
  }

  @Test("Binance statuses map to the order lifecycle")
  func binanceStatuses() {
    let cases: [(String, Decimal, OrderStatus)] = [
      ("NEW", 0, .open), ("NEW", 1, .partiallyFilled), ("PARTIALLY_FILLED", 1, .partiallyFilled),
      ("FILLED", 1, .filled),
      ("CANCELED", 0, .cancelled), ("PENDING_CANCEL", 0, .open), ("REJECTED", 0, .rejected), ("EXPIRED", 0, .expired),
      ("EXPIRED_IN_MATCH", 0, .expired), ("SOMETHING_NEW", 0, .submitted),
    ]
    for (text, executed, expected) in cases {
      #expect(BinanceUSBroker.status(text, executedQuantity: executed) == expected, "\(text)")
    }
  }

  @Test("Coinbase statuses map to the order lifecycle")
  func coinbaseStatuses() {
    let cases: [(String, Decimal, OrderStatus)] = [
      ("PENDING", 0, .open), ("QUEUED", 0, .open), ("OPEN", 0, .open), ("OPEN", 1, .partiallyFilled),
      ("CANCEL_QUEUED", 0, .open), ("FILLED", 1, .filled), ("CANCELLED", 0, .cancelled), ("EXPIRED", 0, .expired),
      ("FAILED", 0, .rejected), ("UNKNOWN_ORDER_STATUS", 0, .submitted),
    ]
    for (text, filled, expected) in cases {
      #expect(CoinbaseBroker.status(text, filledSize: filled) == expected, "\(text)")
    }
  }

  @Test("order errors map to the broker contract per call")
  func errorMapping() {
    let endpoint = ExchangeEndpoint(service: "Binance.US", path: "/api/v3/order")
    let until = UnixTime(seconds: 100)
    let rejected = OrderAPIError.rejected(endpoint, status: 400, code: "-2010", message: "no funds")
    let violation = OrderAPIError.ruleViolation(OrderRuleViolation(rule: "LOT_SIZE", detail: "too small"))
    let limited = OrderAPIError.rateLimited(endpoint, until: until)
    let notSent = OrderAPIError.notSent(endpoint, reason: "no connection", retryAt: nil)
    let unknown = OrderAPIError.unknownOutcome(endpoint, reason: "HTTP 500")
    let malformed = OrderAPIError.malformed(endpoint, reason: "garbage")

    #expect(BrokerErrorMapping.submit(rejected) == .rejected(code: "-2010", message: "no funds"))
    #expect(BrokerErrorMapping.submit(violation) == .rejected(code: "LOT_SIZE", message: violation.description))
    #expect(BrokerErrorMapping.submit(limited) == .notSent(limited.description))
    #expect(
      BrokerErrorMapping.submit(.banned(endpoint, until: until))
        == .notSent("\(OrderAPIError.banned(endpoint, until: until))"))
    #expect(BrokerErrorMapping.submit(notSent) == .notSent(notSent.description))
    #expect(BrokerErrorMapping.submit(unknown) == .unknownOutcome(unknown.description))
    #expect(BrokerErrorMapping.submit(malformed) == .unknownOutcome(malformed.description))

    #expect(BrokerErrorMapping.query(rejected) == .rejected(code: "-2010", message: "no funds"))
    #expect(BrokerErrorMapping.query(unknown) == .unavailable(unknown.description))
    #expect(BrokerErrorMapping.query(limited) == .unavailable(limited.description))

    #expect(BrokerErrorMapping.cancel(unknown) == .unknownOutcome(unknown.description))
    #expect(BrokerErrorMapping.cancel(notSent) == .unavailable(notSent.description))
    #expect(BrokerErrorMapping.cancel(rejected) == .rejected(code: "-2010", message: "no funds"))
  }
}
