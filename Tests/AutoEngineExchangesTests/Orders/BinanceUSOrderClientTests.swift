import AutoEngineCore
import AutoEngineTestSupport
import FoundationEssentials
import Testing

@testable import AutoEngineExchanges

@Suite("Binance.US order client against the mock")
struct BinanceUSOrderClientTests {
  static func d(_ text: String) -> Decimal { Decimal(string: text) ?? .nan }

  static func buy(_ id: String, quote: String) -> OrderPlacement {
    OrderPlacement(clientOrderId: id, symbol: "BTCUSDT", side: .buy, type: .market, amount: .quote(d(quote)))
  }

  static func limitBuy(_ id: String, base: String, price: String) -> OrderPlacement {
    OrderPlacement(
      clientOrderId: id, symbol: "BTCUSDT", side: .buy, type: .limit, amount: .base(d(base)), limitPrice: d(price))
  }

  @Test("a market buy by quote amount is signed, rounded to the quote precision and answered FULL with fills")
  func marketBuyByQuote() async throws {
    try await ExchangeHarness.run { h async throws in
      h.state.update("BTCUSDT") { $0.rules.quotePrecision = 2 }
      let client = h.binanceOrders()
      let answer = try await client.place(Self.buy("buy-1", quote: "100.129"))
      #expect(answer.status == "FILLED" && answer.clientOrderId == "buy-1" && answer.orderId == 1)
      #expect(answer.fills.count == 1)
      #expect(answer.executedQuantity == Self.d("0.00154"))  // floor(100.12 / 65000.12) to the 0.00001 step
      #expect(answer.fills.first?.commissionAsset == "USDT")
      #expect(h.state.binanceUSOrders.orders.first?.quoteQuantity == Self.d("100.12"))
      let post = try #require(h.state.callLog.first { $0.endpoint == .binanceNewOrder })
      #expect(post.headers["x-mbx-apikey"] == h.state.credentials.binanceUSAPIKey)
      // A second order reuses the learned server time and the cached filters.
      _ = try await client.place(Self.buy("buy-2", quote: "20"))
      #expect(h.state.callCount(.binanceTime) == 1)
      #expect(h.state.callCount(.binanceExchangeInfo) == 1)
      #expect(h.state.binanceUSOrders.orderCount == 2)
    }
  }

  @Test("a wrong secret is refused with -1022 and places nothing")
  func wrongSecret() async throws {
    try await ExchangeHarness.run { h async throws in
      let error = await orderError {
        try await h.binanceOrders(secret: "not-the-secret").place(Self.buy("b", quote: "50"))
      }
      guard case .rejected(_, let status, let code, let message) = error else {
        Issue.record("expected a rejection, got \(String(describing: error))")
        return
      }
      #expect(status == 400 && code == "-1022" && message == "Signature for this request is not valid.")
      #expect(h.state.binanceUSOrders.orderCount == 0)
    }
  }

  @Test("a timestamp outside recvWindow (-1021) re-learns the server time and is sent once more")
  func clockDrift() async throws {
    try await ExchangeHarness.run { h async throws in
      let ourClock = ManualClock(start: h.clock.now())
      let client = h.binanceOrders(clock: ourClock)
      _ = try await client.place(Self.buy("first", quote: "50"))
      h.clock.advance(by: 10)  // the server's clock runs 10 s ahead of ours from now on
      _ = try await client.place(Self.buy("second", quote: "50"))
      #expect(h.state.callCount(.binanceTime) == 2)
      #expect(h.state.callCount(.binanceNewOrder) == 3)
      #expect(h.state.binanceUSOrders.orderCount == 2)
      #expect(client.session.offsetMillis == 10_000)
    }
  }

  @Test("an order breaking a filter is refused locally, naming the filter, and nothing is sent")
  func filterViolation() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.binanceOrders()
      let error = await orderError { try await client.place(Self.buy("small", quote: "0.5")) }
      guard case .ruleViolation(let violation) = error else {
        Issue.record("expected a rule violation, got \(String(describing: error))")
        return
      }
      #expect(violation.rule == "NOTIONAL")
      let tiny = OrderPlacement(
        clientOrderId: "tiny", symbol: "BTCUSDT", side: .sell, type: .market, amount: .base(Self.d("0.000001")))
      #expect(await orderError { try await client.place(tiny) }?.code == "LOT_SIZE")
      #expect(h.state.callCount(.binanceNewOrder) == 0)
    }
  }

  @Test("unknown orders: query answers nil (-2013), cancel is refused with -2011")
  func unknownOrders() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.binanceOrders()
      #expect(try await client.order(symbol: "BTCUSDT", clientOrderId: "nobody") == nil)
      let error = await orderError { try await client.cancel(symbol: "BTCUSDT", clientOrderId: "nobody") }
      #expect(error?.code == "-2011")
    }
  }

  @Test("a limit order rests: open orders and locked balance show it; a duplicate open client id is -2010")
  func restingLimit() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.binanceOrders()
      let answer = try await client.place(Self.limitBuy("rest-1", base: "0.01", price: "60000"))
      #expect(answer.status == "NEW" && answer.fills.isEmpty)
      let duplicate = await orderError { try await client.place(Self.limitBuy("rest-1", base: "0.01", price: "59000")) }
      guard case .rejected(_, _, "-2010", let message) = duplicate else {
        Issue.record("expected -2010, got \(String(describing: duplicate))")
        return
      }
      #expect(message == "Duplicate order sent.")
      #expect(try await client.openOrders(symbol: "BTCUSDT").map(\.clientOrderId) == ["rest-1"])
      let usdt = try #require(try await client.balances().first { $0.asset == "USDT" })
      #expect(usdt.locked == Self.d("600.6"))  // 0.01 × 60000 plus the 0.1 % commission
      h.state.setPrice("BTCUSDT", to: 59_999)
      let filled = try #require(try await client.order(symbol: "BTCUSDT", clientOrderId: "rest-1"))
      #expect(filled.status == "FILLED" && filled.cumulativeQuoteQuantity == 600)
      let trades = try await client.trades(symbol: "BTCUSDT", orderId: filled.orderId)
      #expect(trades.map(\.price) == [60000] && trades.first?.quoteQuantity == 600)
    }
  }

  @Test("HTTP 429 on a new order: rate limited until Retry-After; the next order is not sent before then")
  func rateLimited() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.binanceOrders()
      _ = try await client.synchronizeTime()
      h.state.inject(.rateLimited(retryAfterSeconds: 30), on: .binanceNewOrder)
      let start = h.clock.now()
      let first = await orderError { try await client.place(Self.buy("rl-1", quote: "50")) }
      guard case .rateLimited(_, let until) = first else {
        Issue.record("expected rate limited, got \(String(describing: first))")
        return
      }
      #expect(until == start.adding(30))
      let second = await orderError { try await client.place(Self.buy("rl-2", quote: "50")) }
      guard case .notSent(_, _, let retryAt) = second else {
        Issue.record("expected not sent, got \(String(describing: second))")
        return
      }
      #expect(retryAt == start.adding(30))
      #expect(h.state.callCount(.binanceNewOrder) == 1)
      h.clock.advance(by: 30)
      _ = try await client.place(Self.buy("rl-3", quote: "50"))
      #expect(h.state.binanceUSOrders.orderCount == 1)
    }
  }

  @Test("HTTP 500 after the order was placed: unknown outcome; the order is found by its client order id")
  func serverErrorAfterAccept() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.binanceOrders()
      h.state.inject(.acceptThenFail(status: 500), on: .binanceNewOrder)
      let error = await orderError { try await client.place(Self.buy("lost-1", quote: "100")) }
      guard case .unknownOutcome = error else {
        Issue.record("expected an unknown outcome, got \(String(describing: error))")
        return
      }
      h.clock.advance(by: 5)  // past the budget's backoff after a 5xx
      let found = try #require(try await client.order(symbol: "BTCUSDT", clientOrderId: "lost-1"))
      #expect(found.status == "FILLED")
      #expect(try await client.trades(symbol: "BTCUSDT", orderId: found.orderId).count == 1)
      #expect(h.state.binanceUSOrders.orderCount == 1)
    }
  }
}
