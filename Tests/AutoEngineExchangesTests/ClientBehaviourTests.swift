import AsyncHTTPClient
import AutoEngineCore
import AutoEngineTestSupport
import FoundationEssentials
import NIOCore
import Testing

@testable import AutoEngineExchanges

@Suite("Client behaviour beyond one exchange")
struct ClientBehaviourTests {
  /// A market-data source without its own snapshot, to exercise the protocol's default.
  struct TwoCallSource: ExchangeMarketData {
    var exchange: Exchange { .coinbase }
    func listings(symbols: [String]) async throws -> [SymbolListing] { [] }
    func prices(symbols: [String]) async throws -> [PriceQuote] {
      symbols.filter { $0 != "GONE-USD" }.map { PriceQuote(symbol: $0, price: 1, time: UnixTime(seconds: 0)) }
    }
    func dailyStats(symbols: [String]) async throws -> [DailyMarketStats] {
      symbols.filter { $0 != "GONE-USD" }.map { DailyMarketStats(symbol: $0, volume: 5, time: UnixTime(seconds: 0)) }
    }
    func candles(symbol: String, intervalSeconds: Int, limit: Int, end: UnixTime) async throws -> [Candle] { [] }
  }

  @Test("the default snapshot combines prices and statistics and names the missing symbols")
  func defaultSnapshot() async throws {
    let snapshot = try await TwoCallSource().snapshot(symbols: ["A-USD", "GONE-USD"])
    #expect(snapshot.prices.map(\.symbol) == ["A-USD"])
    #expect(snapshot.stats.map(\.symbol) == ["A-USD"])
    #expect(snapshot.missingSymbols == ["GONE-USD"])
  }

  @Test("Coinbase batches product ids by productsPerRequest")
  func coinbaseBatches() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = CoinbaseMarketData(
        baseURL: h.mock.coinbaseBaseURL, httpClient: h.http, budget: h.budget("Coinbase", .coinbasePublic),
        productsPerRequest: 8, logger: ExchangeHarness.quietLogger)
      let symbols = h.state.markets(on: .coinbase).map(\.symbol)
      let snapshot = try await client.snapshot(symbols: symbols)
      #expect(snapshot.prices.count == symbols.count)
      #expect(h.state.callCount(.coinbaseProducts) == (symbols.count + 7) / 8)
    }
  }

  @Test("Binance.US sends more than 100 symbols in batches of 100, each at its documented weight")
  func binanceBatches() async throws {
    let symbols = (0..<130).map { "C\($0)USDT" }
    try await ExchangeHarness.run(markets: MockMarket.many(symbols)) { h async throws in
      let client = h.binance()
      let snapshot = try await client.snapshot(symbols: symbols)
      #expect(snapshot.prices.count == 130)
      #expect(h.state.callCount(.binanceTicker24hr) == 2)
      #expect(await client.budget.status().usedWeight == 40)
    }
  }

  @Test("a refused connection is a transport failure that backs off")
  func connectionRefused() async throws {
    let server = MockExchangeServer()
    try await server.start()
    let url = server.baseURL
    await server.stop()
    let clock = ManualClock()
    // AsyncHTTPClient retries a refused connection until its connect timeout: keep that short.
    let http = HTTPClient(
      eventLoopGroupProvider: .singleton,
      configuration: HTTPClient.Configuration(timeout: .init(connect: .milliseconds(100))))
    let budget = RequestBudget(
      service: "Coinbase", policy: .coinbasePublic, clock: ManualBudgetClock(clock: clock),
      random: SeededRandom(seed: 1))
    let client = CoinbaseMarketData(baseURL: url, httpClient: http, budget: budget, logger: ExchangeHarness.quietLogger)
    let error = await exchangeError { try await client.snapshot(symbols: ["BTC-USD"]) }
    try await http.shutdown()
    guard case .transport(let endpoint, _) = error else {
      Issue.record("expected a transport failure, got \(String(describing: error))")
      return
    }
    #expect(endpoint.path == "/api/v3/brokerage/market/products")
    guard case .backingOff = await budget.status().state else {
      Issue.record("expected backing off")
      return
    }
  }

  @Test("the SWPC client's malformed feed is named and counted")
  func swpcMalformed() async throws {
    try await ExchangeHarness.run { h async throws in
      let client = h.swpc()
      h.state.inject(
        .respond(status: 200, body: #"[["time_tag","a_running"],["2025-05-10 00:00:00.000","8"]]"#), on: .swpcKp3h)
      let error = await exchangeError { try await client.planetaryKIndex3h() }
      #expect(
        error
          == .malformed(
            ExchangeEndpoint(service: "NOAA SWPC", path: SWPCClient.kp3hPath),
            reason: #"header row ["time_tag", "a_running"] lacks time_tag or Kp"#))
      #expect(await client.budget.status().malformedAnswers == 1)
    }
  }
}
