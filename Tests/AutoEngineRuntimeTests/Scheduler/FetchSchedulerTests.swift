import AutoEngineCore
import Foundation
import Logging
import Synchronization
import Testing

@testable import AutoEngineRuntime

/// A market source the test scripts: fixed listings, prices that move, failures on demand.
final class ScriptedMarket: MarketSource {
  struct Script {
    var listed: [String: Bool] = [:]  // symbol → trading
    var failPrices = false
    var priceCalls = 0
    var statsCalls = 0
    var requested: [String] = []
  }

  let kind = MarketSourceKind.simulated
  let script = Mutex(Script())

  func listings(for coins: [Coin]) async throws -> [SymbolListing] {
    let listed = script.withLock { $0.listed }
    return coins.compactMap { coin in
      listed[coin.symbol].map {
        SymbolListing(
          symbol: coin.symbol, isTrading: $0, status: $0 ? "TRADING" : "BREAK", baseAsset: coin.base,
          quoteAsset: coin.quote)
      }
    }
  }

  func prices(for coins: [Coin], now: UnixTime) async throws -> [PriceQuote] {
    let fail = script.withLock { script in
      script.priceCalls += 1
      script.requested = coins.map(\.symbol)
      return script.failPrices
    }
    if fail { throw MarketSourceError(.invalidConfiguration, problem: "scripted failure") }
    return coins.map { PriceQuote(symbol: $0.symbol, price: 100 + Decimal(Int(now.seconds) % 7), time: now) }
  }

  func dailyStats(for coins: [Coin], now: UnixTime) async throws -> [DailyMarketStats] {
    script.withLock { $0.statsCalls += 1 }
    return coins.map { DailyMarketStats(symbol: $0.symbol, volume: 1000, time: now) }
  }

  func history(for coin: Coin, limit: Int, now: UnixTime) async throws -> [Candle] { [] }
}

@Suite struct FetchSchedulerTests {
  /// BTC-USD, MATIC-USD and FTMUSDT from the seed's catalogue.
  static func catalogue() throws -> CoinCatalogue {
    try CoinCatalogue(CoinCatalogue.defaults.coins.filter { ["BTC-USD", "MATIC-USD", "FTMUSDT"].contains($0.symbol) })
  }

  private func makeScheduler(_ market: ScriptedMarket) throws -> (Engine, FetchScheduler) {
    var configuration = EngineConfiguration.defaults
    configuration.fetch.priceFetchInterval = 0.02
    configuration.fetch.volumeFetchInterval = 0.05
    let engine = Engine(catalogue: try Self.catalogue(), configuration: configuration)
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return (
      engine, FetchScheduler(engine: engine, source: market, clock: SystemWallClock(), warmUpCandles: 0, logger: logger)
    )
  }

  @Test func missingSymbolsAreReportedSkippedOrMappedToTheirSuccessor() async throws {
    let market = ScriptedMarket()
    market.script.withLock { $0.listed = ["BTC-USD": true, "MATIC-USD": false, "POL-USD": true] }  // FTMUSDT absent
    let (engine, scheduler) = try makeScheduler(market)
    await scheduler.resolveSymbols()
    #expect(engine.symbols.resolution(of: "BTC-USD").availability == .trading)
    let matic = engine.symbols.resolution(of: "MATIC-USD")
    #expect(matic.availability == .successor)
    #expect(matic.activeSymbol == "POL-USD")
    #expect(matic.detail.contains("not trading"))
    #expect(engine.symbols.resolution(of: "FTMUSDT").availability == .missing)
    #expect(engine.symbols.unavailable == ["FTMUSDT"])

    await scheduler.fetchPrices()
    #expect(market.script.withLock { $0.requested } == ["BTC-USD", "POL-USD"])  // FTMUSDT is not asked for
    let state = try await engine.coinState("MATIC-USD")
    #expect(state.activeSymbol == "POL-USD")
    #expect(state.price != nil)
  }

  @Test func aFailingFetchDegradesTheComponentAndRecovers() async throws {
    let market = ScriptedMarket()
    market.script.withLock { $0.listed = ["BTC-USD": true, "MATIC-USD": true, "FTMUSDT": true] }
    let (engine, scheduler) = try makeScheduler(market)
    await scheduler.resolveSymbols()
    market.script.withLock { $0.failPrices = true }
    await scheduler.fetchPrices()
    let failed = engine.monitor.all.first { $0.name == "price-fetcher" }
    #expect(failed?.state == .degraded)
    #expect(failed?.lastError.contains("scripted failure") == true)
    #expect(await engine.health().status == .degraded)
    market.script.withLock { $0.failPrices = false }
    await scheduler.fetchPrices()
    #expect(engine.monitor.all.first { $0.name == "price-fetcher" }?.state == .running)
    #expect(await engine.health().status == .serving)
  }

  @Test func stoppingTheSystemPausesFetching() async throws {
    let market = ScriptedMarket()
    market.script.withLock { $0.listed = ["BTC-USD": true, "MATIC-USD": true, "FTMUSDT": true] }
    let (engine, scheduler) = try makeScheduler(market)
    let running = Task { try await scheduler.run() }
    defer { running.cancel() }
    #expect(try await eventuallyTrue { market.script.withLock { $0.priceCalls } >= 3 })
    #expect(await engine.stopSystem())
    #expect(await engine.health().status == .notServing)
    try await Task.sleep(for: .milliseconds(60))  // let a run in flight finish
    let paused = market.script.withLock { $0.priceCalls }
    try await Task.sleep(for: .milliseconds(150))
    #expect(market.script.withLock { $0.priceCalls } == paused)
    #expect(await engine.startSystem())
    #expect(try await eventuallyTrue { market.script.withLock { $0.priceCalls } > paused })
    #expect(await engine.health().status == .serving)
  }

  @Test func ticksPublishChangedStatesToSubscribers() async throws {
    let market = ScriptedMarket()
    market.script.withLock { $0.listed = ["BTC-USD": true, "MATIC-USD": true, "FTMUSDT": true] }
    let (engine, scheduler) = try makeScheduler(market)
    let subscription = try await engine.subscribeCoinStates(CoinFilter(symbols: ["BTC-USD"]))
    await scheduler.resolveSymbols()
    await scheduler.fetchPrices()
    let batch = await subscription.next()
    #expect(batch?.states.map(\.coin.symbol) == ["BTC-USD"])
    #expect(batch?.states.first?.price != nil)
  }
}

/// Polls `condition` every 10 ms for up to 5 s.
func eventuallyTrue(_ condition: @Sendable () async -> Bool) async throws -> Bool {
  for _ in 0..<500 {
    if await condition() { return true }
    try await Task.sleep(for: .milliseconds(10))
  }
  return await condition()
}
