import AutoEngineCore
import AutoEngineTestSupport
import FoundationEssentials
import Testing

@testable import AutoEngineExchanges

@Suite("Coinbase market data over loopback")
struct CoinbaseMarketDataTests {
  static let twenty =
    CoinCatalogue.defaults.coins(on: .coinbase).map(\.symbol).filter { $0 != "MATIC-USD" } + ["POL-USD"]

  @Test("one products call serves prices and 24-hour statistics of 20 symbols, exactly")
  func snapshotOfTwenty() async throws {
    try await ExchangeHarness.run { h async throws in
      h.state.update("BTC-USD") { $0.priceChangePercent24h = Decimal(string: "-1.2345")! }
      let client = h.coinbase()
      let snapshot = try await client.snapshot(symbols: Self.twenty)
      #expect(h.state.callCount(.coinbaseProducts) == 1)
      #expect(snapshot.prices.map(\.symbol) == Self.twenty)
      #expect(snapshot.stats.count == 20)
      #expect(snapshot.missingSymbols.isEmpty)
      let btc = try #require(snapshot.prices.first)
      #expect(btc.price == Decimal(string: "65000.12")!)
      #expect(btc.time == h.clock.now())
      let btcStats = try #require(snapshot.stats.first)
      #expect(btcStats.volume == 10_000)
      #expect(btcStats.priceChangePercent == -1.2345)
      #expect(btcStats.lastPrice == Decimal(string: "65000.12")!)
      let vet = try #require(snapshot.prices.first { $0.symbol == "VET-USD" })
      #expect(vet.price == Decimal(string: "0.02411")!)
      let request = try #require(h.state.callLog.last)
      #expect(request.path == "/api/v3/brokerage/market/products")
      #expect(request.query.map(\.name) == Array(repeating: "product_ids", count: 20))
      #expect(request.query.map(\.value) == Self.twenty)
      #expect(request.headers["user-agent"] == "crypto-autoengine/1.0")
      #expect(request.headers["accept"] == "application/json")
    }
  }

  @Test("prices and dailyStats each take one call; prices follow a moving market")
  func pricesAndStats() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.coinbase()
      #expect(try await client.prices(symbols: ["ETH-USD"]).first?.price == Decimal(string: "3400.55")!)
      h.state.setPrice("ETH-USD", to: Decimal(string: "3500.01")!)
      #expect(try await client.prices(symbols: ["ETH-USD"]).first?.price == Decimal(string: "3500.01")!)
      #expect(try await client.dailyStats(symbols: ["ETH-USD", "SOL-USD"]).map(\.symbol) == ["ETH-USD", "SOL-USD"])
      #expect(h.state.callCount(.coinbaseProducts) == 3)
    }
  }

  @Test("a product the exchange does not return is reported missing and the rest are served")
  func missingProduct() async throws {
    try await ExchangeHarness.run { h async throws in
      let snapshot = try await h.coinbase().snapshot(symbols: ["BTC-USD", "MATIC-USD", "ETH-USD", "BTC-USD"])
      #expect(snapshot.prices.map(\.symbol) == ["BTC-USD", "ETH-USD"])
      #expect(snapshot.missingSymbols == ["MATIC-USD"])
      #expect(h.state.callCount(.coinbaseProducts) == 1)
    }
  }

  @Test("listings: status, trading flags and assets")
  func listings() async throws {
    try await ExchangeHarness.run { h async throws in
      h.state.update("FTM-USD") { $0.status = "delisted" }
      h.state.update("SAND-USD") { $0.cancelOnly = true }
      h.state.update("ICP-USD") { $0.tradingDisabled = true }
      let listings = try await h.coinbase().listings(symbols: [
        "BTC-USD", "FTM-USD", "SAND-USD", "ICP-USD", "MATIC-USD",
      ])
      #expect(listings.map(\.symbol) == ["BTC-USD", "FTM-USD", "SAND-USD", "ICP-USD"])
      #expect(
        listings[0]
          == SymbolListing(symbol: "BTC-USD", isTrading: true, status: "online", baseAsset: "BTC", quoteAsset: "USD"))
      #expect(listings[1].isTrading == false && listings[1].status == "delisted")
      #expect(listings[2].isTrading == false)
      #expect(listings[3].isTrading == false)
    }
  }

  @Test("candles come newest first and are returned oldest first; 700 take two pages of 350")
  func candlesPaged() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.coinbase()
      let end = h.clock.now()
      let candles = try await client.candles(symbol: "BTC-USD", intervalSeconds: 60, limit: 700, end: end)
      #expect(candles.count == 700)
      #expect(h.state.callCount(.coinbaseCandles) == 2)
      #expect(zip(candles, candles.dropFirst()).allSatisfy { $1.time.seconds - $0.time.seconds == 60 })
      #expect(candles.last?.time.seconds == (end.seconds / 60).rounded(.down) * 60)
      #expect(candles.allSatisfy { $0.isWellFormed })
      let query = try #require(h.state.callLog.first?.query)
      #expect(query.first { $0.name == "granularity" }?.value == "ONE_MINUTE")
      #expect(query.first { $0.name == "limit" }?.value == "350")
    }
  }

  @Test("explicit candles are parsed exactly")
  func candlesExact() async throws {
    let start = 1_749_999_600.0
    let series: [Candle] = (0..<5).map { (i: Int) -> Candle in
      let x = Double(i)
      return Candle(
        time: UnixTime(seconds: start + x * 60), open: 10 + x, high: 12 + x, low: 9 + x, close: 11 + x, volume: 1.5)
    }
    let markets = [MockMarket(symbol: "ADA-USD", price: 1, candles: series)]
    try await ExchangeHarness.run(markets: markets) { h async throws in
      let candles = try await h.coinbase().candles(
        symbol: "ADA-USD", intervalSeconds: 60, limit: 3, end: UnixTime(seconds: start + 240))
      #expect(candles == Array(series.suffix(3)))
    }
  }

  @Test("an unsupported interval or an unknown product is an error that says so")
  func candleErrors() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.coinbase()
      let interval = await exchangeError {
        try await client.candles(symbol: "BTC-USD", intervalSeconds: 120, limit: 5, end: h.clock.now())
      }
      #expect(interval == .invalidRequest("Coinbase has no 120-second candles"))
      let unknown = await exchangeError {
        try await client.candles(symbol: "MATIC-USD", intervalSeconds: 60, limit: 5, end: h.clock.now())
      }
      let endpoint = ExchangeEndpoint(service: "Coinbase", path: "/api/v3/brokerage/market/products/MATIC-USD/candles")
      let expected = ExchangeError.rejected(endpoint, status: 404, code: nil, message: "NotFound")
      #expect(unknown == expected)
    }
  }

  @Test("malformed JSON and garbage numbers are counted and reported, never crash")
  func malformedAnswers() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.coinbase()
      h.state.inject(.malformedJSON, on: .coinbaseProducts)
      let cut = await exchangeError { try await client.snapshot(symbols: ["BTC-USD"]) }
      guard case .malformed(let endpoint, _) = cut else {
        Issue.record("expected malformed, got \(String(describing: cut))")
        return
      }
      #expect(endpoint == ExchangeEndpoint(service: "Coinbase", path: "/api/v3/brokerage/market/products"))
      h.state.inject(
        .respond(status: 200, body: #"{"products":[{"product_id":"BTC-USD","price":"12abc"}]}"#), on: .coinbaseProducts)
      let garbage = await exchangeError { try await client.snapshot(symbols: ["BTC-USD"]) }
      guard case .malformed(_, let reason) = garbage else {
        Issue.record("expected malformed, got \(String(describing: garbage))")
        return
      }
      #expect(reason.contains("products[0].price"))
      #expect(reason.contains("12abc"))
      h.state.inject(.respond(status: 200, body: #"{"products":[{"price":"1"}]}"#), on: .coinbaseProducts)
      #expect(await exchangeError { try await client.snapshot(symbols: ["BTC-USD"]) }.map { !$0.isTemporary } == true)
      let status = await client.budget.status()
      #expect(status.malformedAnswers == 3)
      #expect(try await client.snapshot(symbols: ["BTC-USD"]).prices.count == 1)
    }
  }

  @Test("429 with Retry-After: no request reaches the exchange before it elapses")
  func rateLimitHonoured() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.coinbase()
      h.state.inject(.rateLimited(retryAfterSeconds: 30), on: .coinbaseProducts)
      let start = h.clock.now()
      let first = await exchangeError { try await client.snapshot(symbols: ["BTC-USD"]) }
      #expect(
        first
          == .rateLimited(
            ExchangeEndpoint(service: "Coinbase", path: "/api/v3/brokerage/market/products"), until: start.adding(30)))
      for _ in 0..<5 {
        h.clock.advance(by: 5)
        let denied = await exchangeError { try await client.snapshot(symbols: ["BTC-USD"]) }
        #expect(denied == .budgetDenied(service: "Coinbase", until: start.adding(30), reason: .rateLimited))
      }
      #expect(h.state.callCount(.coinbaseProducts) == 1)
      h.clock.advance(by: 5)
      #expect(try await client.snapshot(symbols: ["BTC-USD"]).prices.count == 1)
      #expect(h.state.callCount(.coinbaseProducts) == 2)
    }
  }

  @Test("the budget never lets more than 10 requests per second reach the exchange")
  func rateNeverExceeded() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.coinbase()
      // Sequential, so the mock stamps each request with the virtual time the budget admitted it at.
      for _ in 0..<30 { _ = try await client.prices(symbols: ["BTC-USD"]) }
      let times = h.state.callLog.map(\.time.seconds)
      #expect(times.count == 30)
      for time in times { #expect(times.filter { $0 > time - 1 && $0 <= time }.count <= 10) }
      #expect(await client.budget.status().callsLastMinute == 30)
    }
  }
}
