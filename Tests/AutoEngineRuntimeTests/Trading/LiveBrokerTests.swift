import AutoEngineCore
import AutoEngineExchanges
import AutoEngineTestSupport
import FoundationEssentials
import Testing

@testable import AutoEngineRuntime

/// Both live brokers against the mock exchange over loopback, through `LiveBrokers.make`.
@Suite("Live brokers against the mock exchange")
struct LiveBrokerTests {
  static let exchanges: [Exchange] = [.binanceUS, .coinbase]

  static func d(_ text: String) -> Decimal { Decimal(string: text) ?? .nan }

  static func quote(_ exchange: Exchange) -> String { exchange == .coinbase ? "USD" : "USDT" }

  @Test("a market buy by quote amount fills at once with its fills and commission", arguments: exchanges)
  func marketBuyByQuote(_ exchange: Exchange) async throws {
    try await LiveBrokerHarness.run { h async throws in
      var order = btcOrder(exchange, "mbuy-1", amount: .quote(100))
      let report = try await h.broker(exchange).submit(order)
      #expect(report.status == .filled)
      #expect(report.exchangeOrderId != nil)
      #expect(!report.fills.isEmpty)
      for fill in report.fills { order.apply(fill) }
      #expect(order.filledQuote > 99 && order.filledQuote <= 100)
      #expect(order.filledBase == h.state.orderBook(exchange).orders.first?.executedQuantity)
      #expect(report.fills.allSatisfy { $0.feeAsset == Self.quote(exchange) && $0.fee > 0 && $0.price == 65_000 })
      #expect(order.fees > 0)
      #expect(h.state.orderBook(exchange).orderCount == 1)
    }
  }

  @Test("a market sell by base amount sells exactly that quantity", arguments: exchanges)
  func sellByBase(_ exchange: Exchange) async throws {
    try await LiveBrokerHarness.run { h async throws in
      h.state.orderBook(exchange).setBalance("BTC", free: 1)
      let report = try await h.broker(exchange).submit(
        btcOrder(exchange, "sell-1", side: .sell, amount: .base(Self.d("0.01"))))
      #expect(report.status == .filled)
      #expect(report.fills.reduce(0) { $0 + $1.baseQuantity } == Self.d("0.01"))
      #expect(report.fills.reduce(0) { $0 + $1.quoteQuantity } == 650)
      #expect(h.state.orderBook(exchange).balance("BTC").free == Self.d("0.99"))
    }
  }

  @Test("a limit order stays open, is looked up open, and is cancelled", arguments: exchanges)
  func limitOpenThenCancel(_ exchange: Exchange) async throws {
    try await LiveBrokerHarness.run { h async throws in
      let broker = try h.broker(exchange)
      var order = btcOrder(exchange, "lim-1", type: .limit, amount: .base(Self.d("0.001")), limit: 60_000)
      let placed = try await broker.submit(order)
      #expect(placed.status == .open && placed.fills.isEmpty)
      order.exchangeOrderId = placed.exchangeOrderId
      #expect(try await broker.lookup(order)?.status == .open)
      let cancelled = try await broker.cancel(order)
      #expect(cancelled.status == .cancelled && cancelled.exchangeOrderId == placed.exchangeOrderId)
      #expect(h.state.orderBook(exchange).order(clientOrderId: "lim-1")?.status == .cancelled)
      #expect(h.state.orderBook(exchange).balance(Self.quote(exchange)).locked == 0)
    }
  }

  @Test("a resting limit order fills when the price crosses it; lookup brings its fill", arguments: exchanges)
  func limitFillsOnCross(_ exchange: Exchange) async throws {
    try await LiveBrokerHarness.run { h async throws in
      let broker = try h.broker(exchange)
      let order = btcOrder(exchange, "lim-2", type: .limit, amount: .base(Self.d("0.001")), limit: 60_000)
      _ = try await broker.submit(order)
      h.state.setPrice(order.symbol, to: 59_000)
      let report = try #require(try await broker.lookup(order))
      #expect(report.status == .filled)
      #expect(report.fills.map(\.price) == [60_000] && report.fills.first?.baseQuantity == Self.d("0.001"))
    }
  }

  @Test("cancelling an order the exchange does not have is a rejection with the exchange's code", arguments: exchanges)
  func cancelUnknown(_ exchange: Exchange) async throws {
    try await LiveBrokerHarness.run { h async throws in
      let error = await brokerError {
        try await h.broker(exchange).cancel(btcOrder(exchange, "ghost", amount: .quote(10)))
      }
      guard case .rejected(let code, _) = error else {
        Issue.record("expected a rejection, got \(String(describing: error))")
        return
      }
      #expect(code == (exchange == .coinbase ? "UNKNOWN_CANCEL_ORDER" : "-2011"))
    }
  }

  @Test("a refusal in the documented body is BrokerError.rejected with the exchange's code", arguments: exchanges)
  func documentedRejection(_ exchange: Exchange) async throws {
    try await LiveBrokerHarness.run { h async throws in
      h.state.inject(.rejectOrder, on: LiveBrokerHarness.newOrderEndpoint(exchange))
      let order = btcOrder(exchange, "rej-1", amount: .quote(100))
      let error = await brokerError { try await h.broker(exchange).submit(order) }
      let expected: BrokerError =
        exchange == .coinbase
        ? .rejected(code: "INSUFFICIENT_FUND", message: "Insufficient balance in source account")
        : .rejected(code: "-2010", message: "Account has insufficient balance for requested action.")
      #expect(error == expected)
      #expect(h.state.orderBook(exchange).orderCount == 0)
      #expect(try await h.broker(exchange).lookup(order) == nil)
    }
  }

  @Test(
    "HTTP 500 after the order was placed: unknown outcome; lookup finds it with its fills; one order only",
    arguments: exchanges)
  func serverErrorAfterAccept(_ exchange: Exchange) async throws {
    try await LiveBrokerHarness.run { h async throws in
      let broker = try h.broker(exchange)
      h.state.inject(.acceptThenFail(status: 500), on: LiveBrokerHarness.newOrderEndpoint(exchange))
      let order = btcOrder(exchange, "lost-1", amount: .quote(100))
      let error = await brokerError { try await broker.submit(order) }
      guard case .unknownOutcome = error else {
        Issue.record("expected an unknown outcome, got \(String(describing: error))")
        return
      }
      let found = try #require(try await broker.lookup(order))
      #expect(found.status == .filled && !found.fills.isEmpty)
      #expect(found.exchangeOrderId == h.state.orderBook(exchange).orders.first?.orderId)
      #expect(h.state.callCount(LiveBrokerHarness.newOrderEndpoint(exchange)) == 1)
      #expect(h.state.orderBook(exchange).orderCount == 1)
    }
  }

  @Test("an answer lost to a timeout after the order was placed: unknown outcome, then found", arguments: exchanges)
  func timeoutAfterAccept(_ exchange: Exchange) async throws {
    try await LiveBrokerHarness.run(timeout: 1) { h async throws in
      let broker = try h.broker(exchange)
      // A first call opens the pooled connection, so that on a loaded machine the order's own
      // timeout is the answer's, not the connection's (which would rightly be "not sent").
      _ = try await broker.balances()
      h.state.inject(.acceptThenDelay(seconds: 4), on: LiveBrokerHarness.newOrderEndpoint(exchange))
      let order = btcOrder(exchange, "slow-1", amount: .quote(50))
      let error = await brokerError({ try await broker.submit(order) })
      guard case .unknownOutcome = error else {
        Issue.record("expected an unknown outcome, got \(String(describing: error))")
        return
      }
      // The lookup uses the same short timeout; on a loaded machine one may time out too, so try
      // again as the desk's reconciliation does (never resubmitting).
      var found: BrokerReport?
      for _ in 0..<10 where found == nil {
        found = try? await broker.lookup(order)
        if found == nil { try await Task.sleep(for: .milliseconds(200)) }
      }
      #expect(found?.status == .filled)
      #expect(h.state.orderBook(exchange).orderCount == 1)
    }
  }

  @Test("the same client order id twice never makes a second order", arguments: exchanges)
  func noDuplicate(_ exchange: Exchange) async throws {
    try await LiveBrokerHarness.run { h async throws in
      let broker = try h.broker(exchange)
      let order = btcOrder(exchange, "dup-1", type: .limit, amount: .base(Self.d("0.001")), limit: 60_000)
      let first = try await broker.submit(order)
      let second: Result<BrokerReport, BrokerError>
      do throws(BrokerError) {
        second = .success(try await broker.submit(order))
      } catch {
        second = .failure(error)
      }
      switch (exchange, second) {
      case (.binanceUS, .failure(let error)):
        #expect(error == .rejected(code: "-2010", message: "Duplicate order sent."))
      case (.coinbase, .success(let report)):
        #expect(report.exchangeOrderId == first.exchangeOrderId)
      default:
        Issue.record("unexpected second answer: \(second)")
      }
      #expect(h.state.orderBook(exchange).orderCount == 1)
    }
  }

  @Test("balances list free and locked amounts per asset", arguments: exchanges)
  func balances(_ exchange: Exchange) async throws {
    try await LiveBrokerHarness.run { h async throws in
      let broker = try h.broker(exchange)
      let quote = Self.quote(exchange)
      #expect(try await broker.balances().first { $0.asset == quote } == AssetBalance(asset: quote, free: 100_000))
      _ = try await broker.submit(
        btcOrder(exchange, "bal-1", type: .limit, amount: .base(Self.d("0.01")), limit: 60_000))
      let after = try await broker.balances()
      let held = try #require(after.first { $0.asset == quote })
      #expect(held.locked > 600 && held.free + held.locked == 100_000)
    }
  }
}
