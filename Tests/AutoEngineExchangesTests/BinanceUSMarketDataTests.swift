import AutoEngineCore
import AutoEngineTestSupport
import FoundationEssentials
import Testing

@testable import AutoEngineExchanges

@Suite("Binance.US market data over loopback")
struct BinanceUSMarketDataTests {
  /// The seed's 20 Binance.US symbols, MATICUSDT included (delisted on the mock).
  static let seed = CoinCatalogue.defaults.coins(on: .binanceUS).map(\.symbol)

  @Test("one 24-hour ticker call of weight 1 serves prices, bid/ask and statistics of 20 symbols")
  func snapshotOfTwenty() async throws {
    let twenty = Self.seed.filter { $0 != "MATICUSDT" } + ["POLUSDT"]
    try await ExchangeHarness.run { h async throws in
      h.state.update("BTCUSDT") {
        $0.bid = Decimal(string: "64999.5")!
        $0.ask = Decimal(string: "65000.5")!
        $0.priceChangePercent24h = Decimal(string: "2.5")!
      }
      let client = h.binance()
      let snapshot = try await client.snapshot(symbols: twenty)
      #expect(h.state.callCount(.binanceTicker24hr) == 1)
      #expect(h.state.totalCallCount == 1)
      #expect(snapshot.prices.map(\.symbol) == twenty)
      #expect(snapshot.missingSymbols.isEmpty)
      let btc = try #require(snapshot.prices.first)
      #expect(
        btc
          == PriceQuote(
            symbol: "BTCUSDT", price: Decimal(string: "65000.12")!, bid: Decimal(string: "64999.5")!,
            ask: Decimal(string: "65000.5")!, time: h.clock.now()))
      let stats = try #require(snapshot.stats.first)
      #expect(stats.volume == 10_000)
      #expect(stats.quoteVolume == Decimal(string: "650001200")!)
      #expect(stats.priceChangePercent == 2.5)
      #expect(stats.lastPrice == Decimal(string: "65000.12")!)
      #expect(stats.high != nil && stats.low != nil)
      let status = await client.budget.status()
      #expect(status.usedWeight == 1)
    }
  }

  @Test("ticker/price sends symbols as a URL-encoded JSON array and parses exact prices")
  func priceTicker() async throws {
    try await ExchangeHarness.run { h async throws in
      h.state.setPrice("ETHUSDT", to: Decimal(string: "4.000002")!)
      let prices = try await h.binance().prices(symbols: ["BTCUSDT", "ETHUSDT"])
      #expect(prices.map(\.price) == [Decimal(string: "65000.12")!, Decimal(string: "4.000002")!])
      let call = try #require(h.state.callLog.last)
      #expect(call.path == "/api/v3/ticker/price")
      #expect(call.query.first?.value == #"["BTCUSDT","ETHUSDT"]"#)
      #expect(h.state.binanceUsedWeight == 2)
    }
  }

  @Test("a delisted symbol (-1121) is reported and the other 19 are served, now and later")
  func invalidSymbolFallback() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.binance()
      let first = try await client.snapshot(symbols: Self.seed)
      #expect(first.missingSymbols == ["MATICUSDT"])
      #expect(first.prices.count == 19)
      #expect(first.stats.count == 19)
      #expect(h.state.callCount(.binanceTicker24hr) == 2)
      #expect(h.state.callCount(.binanceExchangeInfo) == 1)
      #expect(client.knownMissingSymbols == ["MATICUSDT"])
      let second = try await client.prices(symbols: Self.seed)
      #expect(second.count == 19)
      #expect(h.state.callCount(.binanceTickerPrice) == 1)
      #expect(h.state.callCount(.binanceExchangeInfo) == 1)
      let status = await client.budget.status()
      #expect(status.totalErrors == 1)
    }
  }

  @Test("a symbol that returns is found again by listings and served")
  func relisting() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.binance()
      #expect(try await client.snapshot(symbols: ["BTCUSDT", "MATICUSDT"]).missingSymbols == ["MATICUSDT"])
      h.state.add([MockMarket(symbol: "MATICUSDT", price: Decimal(string: "0.38")!, status: "BREAK")])
      let listings = try await client.listings(symbols: ["BTCUSDT", "MATICUSDT"])
      #expect(listings.map(\.isTrading) == [true, false])
      #expect(listings[1].status == "BREAK")
      #expect(client.knownMissingSymbols.isEmpty)
      #expect(try await client.snapshot(symbols: ["BTCUSDT", "MATICUSDT"]).missingSymbols.isEmpty)
    }
  }

  @Test("listings read exchangeInfo, feed its REQUEST_WEIGHT limit into the budget, and survive -1121")
  func listingsAndRateLimits() async throws {
    try await ExchangeHarness.run { h async throws in
      h.state.binanceWeightLimit = 600
      let client = h.binance()
      let listings = try await client.listings(symbols: ["ETHUSDT", "MATICUSDT", "bad symbol"])
      #expect(
        listings == [
          SymbolListing(symbol: "ETHUSDT", isTrading: true, status: "TRADING", baseAsset: "ETH", quoteAsset: "USDT")
        ])
      #expect(h.state.callCount(.binanceExchangeInfo) == 2)
      let status = await client.budget.status()
      #expect(status.weightLimit == 600)
      #expect(status.usedWeight == 20)
      #expect(client.knownMissingSymbols == ["MATICUSDT", "bad symbol"])
    }
  }

  @Test("the X-MBX-USED-WEIGHT-1M header is tracked: other users of the IP shrink our budget")
  func weightHeaderTracked() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.binance()
      h.state.binanceExternalWeight = 1190
      _ = try await client.snapshot(symbols: ["BTCUSDT"])
      #expect(await client.budget.status().usedWeight == 1191)
      let denied = await exchangeError { try await client.listings(symbols: ["BTCUSDT"]) }
      guard case .budgetDenied(_, _, .windowFull) = denied else {
        Issue.record("expected a window-full denial, got \(String(describing: denied))")
        return
      }
      #expect(h.state.callCount(.binanceExchangeInfo) == 0)
      _ = try await client.snapshot(symbols: ["ETHUSDT"])
      #expect(await client.budget.status().usedWeight == 1192)
    }
  }

  @Test("418 bans every call until Retry-After; without it, for two minutes")
  func banHonoured() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.binance()
      h.state.inject(.banned(retryAfterSeconds: nil), on: .binanceTicker24hr)
      let start = h.clock.now()
      let banned = await exchangeError { try await client.snapshot(symbols: ["BTCUSDT"]) }
      #expect(
        banned
          == .banned(ExchangeEndpoint(service: "Binance.US", path: "/api/v3/ticker/24hr"), until: start.adding(120)))
      h.clock.advance(by: 119)
      let denied = await exchangeError {
        try await client.candles(symbol: "BTCUSDT", intervalSeconds: 60, limit: 5, end: h.clock.now())
      }
      #expect(denied == .budgetDenied(service: "Binance.US", until: start.adding(120), reason: .banned))
      #expect(h.state.totalCallCount == 1)
      h.clock.advance(by: 1)
      #expect(try await client.snapshot(symbols: ["BTCUSDT"]).prices.count == 1)
    }
  }

  @Test("429 with Retry-After carries Binance's -1003 body and blocks exactly that long")
  func rateLimited() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.binance()
      h.state.inject(.rateLimited(retryAfterSeconds: 7), on: .binanceTickerPrice)
      let start = h.clock.now()
      #expect(await exchangeError { try await client.prices(symbols: ["BTCUSDT"]) }?.retryAt == start.adding(7))
      h.clock.advance(by: 6.5)
      #expect(await exchangeError { try await client.prices(symbols: ["BTCUSDT"]) }?.retryAt == start.adding(7))
      #expect(h.state.callCount(.binanceTickerPrice) == 1)
      h.clock.advance(by: 0.5)
      #expect(try await client.prices(symbols: ["BTCUSDT"]).count == 1)
    }
  }

  @Test("5xx answers back off with growing delays; a success resets the backoff")
  func serverErrorsBackOff() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.binance()
      h.state.inject(.serverError(status: 503), on: .binanceTicker24hr, times: 4)
      var delays: [Double] = []
      for _ in 0..<4 {
        let now = h.clock.now()
        let error = await exchangeError { try await client.snapshot(symbols: ["BTCUSDT"]) }
        #expect(
          error == .serverError(ExchangeEndpoint(service: "Binance.US", path: "/api/v3/ticker/24hr"), status: 503))
        let state = await client.budget.status().state
        guard case .backingOff(let until) = state else {
          Issue.record("expected backing off, got \(state)")
          return
        }
        delays.append(until.since(now))
        #expect(await exchangeError { try await client.snapshot(symbols: ["BTCUSDT"]) }?.retryAt == until)
        h.clock.advance(by: until.since(now))
      }
      #expect(zip(delays, delays.dropFirst()).allSatisfy { $1 >= $0 })
      #expect(delays[3] > delays[0] * 2)
      #expect(h.state.callCount(.binanceTicker24hr) == 4)
      #expect(try await client.snapshot(symbols: ["BTCUSDT"]).prices.count == 1)
      #expect(await client.budget.status().consecutiveFailures == 0)
      #expect(await client.budget.status().state == .ok)
    }
  }

  @Test("klines: rows parsed, oldest first, paged by 1000 with endTime in ms")
  func klinesPaged() async throws {
    try await ExchangeHarness.run { h async throws in
      let end = h.clock.now()
      let candles = try await h.binance().candles(symbol: "SOLUSDT", intervalSeconds: 60, limit: 1500, end: end)
      #expect(candles.count == 1500)
      #expect(zip(candles, candles.dropFirst()).allSatisfy { $1.time.seconds - $0.time.seconds == 60 })
      #expect(candles.last?.time.seconds == (end.seconds / 60).rounded(.down) * 60)
      #expect(h.state.callCount(.binanceKlines) == 2)
      let first = try #require(h.state.callLog.first)
      #expect(first.query.first { $0.name == "interval" }?.value == "1m")
      #expect(first.query.first { $0.name == "endTime" }?.value == String(Int64(end.seconds * 1000)))
    }
  }

  @Test("explicit klines are parsed exactly; a garbage row is a malformed answer naming the cell")
  func klinesExactAndMalformed() async throws {
    let start = 1_749_999_600.0
    let series = (0..<3).map { i in
      Candle(time: UnixTime(seconds: start + Double(i) * 60), open: 1.25, high: 1.5, low: 1, close: 1.375, volume: 42)
    }
    try await ExchangeHarness.run(markets: [MockMarket(symbol: "ADAUSDT", price: 1, candles: series)]) {
      h async throws in
      let client = h.binance()
      #expect(
        try await client.candles(symbol: "ADAUSDT", intervalSeconds: 60, limit: 10, end: UnixTime(seconds: start + 120))
          == series)
      h.state.inject(
        .respond(status: 200, body: #"[[1749999600000,"1.0","x","1.0","1.0","5",1749999659999]]"#), on: .binanceKlines)
      let error = await exchangeError {
        try await client.candles(symbol: "ADAUSDT", intervalSeconds: 60, limit: 10, end: UnixTime(seconds: start + 120))
      }
      #expect(
        error
          == .malformed(
            ExchangeEndpoint(service: "Binance.US", path: "/api/v3/klines"), reason: "[0][2]: not a number: x"))
      #expect(await client.budget.status().malformedAnswers == 1)
    }
  }

  @Test("a timeout is reported, counted and backed off")
  func timeoutBacksOff() async throws {
    try await ExchangeHarness.run { h async throws in
      // 1.5 s leaves room for the answer after the back-off on a machine busy with the other
      // tests (the suite runs in parallel on 2 cores); the injected delay is well beyond it.
      let client = h.binance(timeout: 1.5)
      h.state.inject(.delay(seconds: 6), on: .binanceTicker24hr)
      let error = await exchangeError { try await client.snapshot(symbols: ["BTCUSDT"]) }
      #expect(
        error == .timeout(ExchangeEndpoint(service: "Binance.US", path: "/api/v3/ticker/24hr"), afterSeconds: 1.5))
      let status = await client.budget.status()
      #expect(status.totalErrors == 1)
      guard case .backingOff(let until) = status.state else {
        Issue.record("expected backing off, got \(status.state)")
        return
      }
      h.clock.advance(by: until.since(h.clock.now()))
      #expect(try await client.snapshot(symbols: ["BTCUSDT"]).prices.count == 1)
    }
  }
}
