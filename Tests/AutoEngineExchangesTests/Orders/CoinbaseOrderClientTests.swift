import AutoEngineCore
import AutoEngineTestSupport
import Crypto
import FoundationEssentials
import Testing

@testable import AutoEngineExchanges

@Suite("Coinbase order client against the mock")
struct CoinbaseOrderClientTests {
  static func d(_ text: String) -> Decimal { Decimal(string: text) ?? .nan }

  static func buy(_ id: String, quote: String) -> OrderPlacement {
    OrderPlacement(clientOrderId: id, symbol: "BTC-USD", side: .buy, type: .market, amount: .quote(d(quote)))
  }

  static func limitBuy(_ id: String, base: String, price: String) -> OrderPlacement {
    OrderPlacement(
      clientOrderId: id, symbol: "BTC-USD", side: .buy, type: .limit, amount: .base(d(base)), limitPrice: d(price))
  }

  @Test("a market buy by quote size is accepted; the order, its fills and the accounts are readable")
  func marketBuy() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = try h.coinbaseOrders()
      let accepted = try await client.place(Self.buy("cb-1", quote: "100.009"))
      #expect(accepted.clientOrderId == "cb-1" && accepted.productId == "BTC-USD" && !accepted.orderId.isEmpty)
      #expect(h.state.coinbaseOrders.orders.first?.quoteQuantity == Self.d("100"))  // quote_increment 0.01, down
      let record = try #require(try await client.order(id: accepted.orderId))
      #expect(record.status == "FILLED" && record.clientOrderId == "cb-1" && record.numberOfFills == 1)
      let fills = try await client.fills(orderId: accepted.orderId)
      #expect(fills.count == 1)
      #expect(fills.first?.price == Self.d("65000.12"))
      #expect(fills.first?.commission == (fills.first?.quoteQuantity ?? 0) * Self.d("0.006"))
      let btc = try #require(try await client.accounts().first { $0.currency == "BTC" })
      #expect(btc.available == record.filledSize && btc.hold == 0)
    }
  }

  @Test("every request's JWT names this host and path in its uri claim")
  func uriClaimOnTheWire() async throws {
    try await ExchangeHarness.run { h async throws in
      _ = try await h.coinbaseOrders().accounts()
      let call = try #require(h.state.callLog.first { $0.endpoint == .coinbaseAccounts })
      let token = try #require(call.headers["authorization"]?.dropFirst("Bearer ".count))
      let claims = try #require(CoinbaseJWT.base64URLDecoded(String(token.split(separator: ".")[1])))
      let host = CoinbaseJWT.host(ofBaseURL: h.mock.coinbaseBaseURL)
      #expect(String(decoding: claims, as: UTF8.self).contains(#""uri":"GET \#(host)/api/v3/brokerage/accounts""#))
      #expect(call.query.map(\.name) == ["limit"])
    }
  }

  @Test("a JWT signed with another key is refused (401 UNAUTHENTICATED) and places nothing")
  func wrongKey() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = try h.coinbaseOrders()
      h.state.credentials.coinbasePublicKey = P256.Signing.PrivateKey().publicKey
      let error = await orderError { try await client.place(Self.buy("cb-x", quote: "20")) }
      guard case .rejected(_, 401, "UNAUTHENTICATED", _) = error else {
        Issue.record("expected 401 UNAUTHENTICATED, got \(String(describing: error))")
        return
      }
      #expect(h.state.coinbaseOrders.orderCount == 0)
    }
  }

  @Test("sizes below the product's minimums are refused locally, naming the field; nothing is sent")
  func localRefusals() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = try h.coinbaseOrders()
      #expect(await orderError { try await client.place(Self.buy("small", quote: "0.5")) }?.code == "quote_min_size")
      let dust = OrderPlacement(
        clientOrderId: "dust", symbol: "BTC-USD", side: .sell, type: .market, amount: .base(Self.d("0.000000001")))
      #expect(await orderError { try await client.place(dust) }?.code == "base_increment")
      #expect(h.state.callCount(.coinbaseCreateOrder) == 0)
    }
  }

  @Test("{\"success\":false} is a rejection carrying new_order_failure_reason")
  func refusedOrder() async throws {
    try await ExchangeHarness.run { h async throws in
      h.state.inject(.rejectOrder, on: .coinbaseCreateOrder)
      let error = await orderError { try await h.coinbaseOrders().place(Self.buy("cb-r", quote: "20")) }
      guard case .rejected(_, 200, "INSUFFICIENT_FUND", let message) = error else {
        Issue.record("expected INSUFFICIENT_FUND, got \(String(describing: error))")
        return
      }
      #expect(message == "Insufficient balance in source account")
      #expect(h.state.coinbaseOrders.orderCount == 0)
    }
  }

  @Test("orders page with a cursor, newest first; findOrder matches client_order_id")
  func pagingAndFind() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = try h.coinbaseOrders()
      for index in 1...3 { _ = try await client.place(Self.buy("page-\(index)", quote: "10")) }
      let first = try await client.orders(productId: "BTC-USD", limit: 2)
      #expect(first.orders.map(\.clientOrderId) == ["page-3", "page-2"])
      let next = try #require(first.nextCursor)
      let second = try await client.orders(productId: "BTC-USD", limit: 2, cursor: next)
      #expect(second.orders.map(\.clientOrderId) == ["page-1"] && second.nextCursor == nil)
      #expect(try await client.findOrder(clientOrderId: "page-1", productId: "BTC-USD")?.status == "FILLED")
      #expect(try await client.findOrder(clientOrderId: "none", productId: "BTC-USD") == nil)
      #expect(try await client.orders(productId: "ETH-USD").orders.isEmpty)
    }
  }

  @Test("batch_cancel cancels an open limit order and fails an unknown id with UNKNOWN_CANCEL_ORDER")
  func batchCancel() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = try h.coinbaseOrders()
      let accepted = try await client.place(Self.limitBuy("rest", base: "0.001", price: "60000.019"))
      let resting = try #require(h.state.coinbaseOrders.order(id: accepted.orderId))
      #expect(resting.limitPrice == Self.d("60000.01") && resting.status == .open)
      let results = try await client.cancel(orderIds: [accepted.orderId, "no-such-order"])
      #expect(results.map(\.success) == [true, false])
      #expect(results.last?.failureReason == "UNKNOWN_CANCEL_ORDER")
      #expect(try await client.order(id: accepted.orderId)?.status == "CANCELLED")
      #expect(try await client.order(id: "no-such-order") == nil)
    }
  }

  @Test("a client_order_id sent again answers the existing order instead of placing another")
  func idempotentClientOrderId() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = try h.coinbaseOrders()
      let first = try await client.place(Self.buy("same", quote: "10"))
      let again = try await client.place(Self.buy("same", quote: "10"))
      #expect(first.orderId == again.orderId)
      #expect(h.state.coinbaseOrders.orderCount == 1)
    }
  }
}
