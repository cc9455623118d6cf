import AutoEngineCore
import AutoEngineExchanges
import AutoEngineTestSupport
import Foundation
import Logging
import Testing

@testable import AutoEngineRuntime

/// The engine on the live market against the mock exchange over loopback: the real clients,
/// budget, scheduler and cache, with the cadences compressed.
@Suite struct LiveEngineTests {
  private func liveEngine(_ server: MockExchangeServer, priceInterval: Double = 0.05) -> (
    Engine, FetchScheduler, LiveMarket
  ) {
    var configuration = EngineConfiguration.defaults
    configuration.fetch.priceFetchInterval = priceInterval
    configuration.fetch.volumeFetchInterval = priceInterval * 18
    configuration.fetch.staleThresholdMultiplier = 100
    let market = LiveMarket(exchanges: [
      .coinbase(baseURL: server.coinbaseBaseURL), .binanceUS(baseURL: server.binanceUSBaseURL),
    ])
    let engine = Engine(configuration: configuration, marketSource: .live, exchangeStatus: market)
    var logger = Logger(label: "test-live")
    logger.logLevel = .critical
    let feed = ConfiguredCosmicFeed(swpc: SWPCClient(baseURL: server.swpcBaseURL))
    let scheduler = FetchScheduler(
      engine: engine, source: market, cosmicFeed: feed, clock: SystemWallClock(), warmUpCandles: 30, logger: logger)
    return (engine, scheduler, market)
  }

  private func seededState() -> MockExchangeState {
    MockExchangeState(markets: MockMarket.seedMarkets(on: .coinbase) + MockMarket.seedMarkets(on: .binanceUS))
  }

  @Test func fortyCoinsGoLiveWithTwoCallsPerPriceTick() async throws {
    try await MockExchangeServer.withRunning(state: seededState()) { server in
      let (engine, scheduler, _) = liveEngine(server)
      await scheduler.resolveSymbols()
      // MATIC is delisted on both exchanges: resolved to its successor POL.
      #expect(engine.symbols.resolution(of: "MATIC-USD").activeSymbol == "POL-USD")
      #expect(engine.symbols.resolution(of: "MATICUSDT").activeSymbol == "POLUSDT")
      await scheduler.warmUp()
      await scheduler.fetchVolumes()
      server.state.resetCalls()
      for _ in 0..<6 { await scheduler.fetchPrices() }  // one minute of 10 s ticks
      await scheduler.fetchVolumes()  // served from the snapshots: no call
      let calls = server.state.totalCallCount
      #expect(calls == 12, "calls per minute of 10 s price ticks: \(calls) (budget ≤ 20)")
      let states = try await engine.coinStates()
      #expect(states.count == 40)
      #expect(states.allSatisfy { $0.price != nil && $0.volume24h != nil })
      #expect(states.first { $0.coin.symbol == "BTC-USD" }?.indicators.sma20 != nil)  // warmed up from candles
      let cosmic = states.first?.cosmic
      #expect(cosmic == nil || cosmic?.lunar != nil)
    }
  }

  @Test func aRateLimitedExchangeIsNotCalledBeforeRetryAfterAndTheOtherKeepsServing() async throws {
    try await MockExchangeServer.withRunning(state: seededState()) { server in
      let (engine, scheduler, market) = liveEngine(server)
      await scheduler.resolveSymbols()
      await scheduler.fetchPrices()
      server.state.resetCalls()
      server.state.inject(.rateLimited(retryAfterSeconds: 30), on: .binanceTicker24hr)
      await scheduler.fetchPrices()  // Binance answers 429 with Retry-After: 30
      for _ in 0..<5 { await scheduler.fetchPrices() }  // within the 30 s: no Binance call at all
      #expect(server.state.callCount(.binanceTicker24hr) == 1)
      #expect(server.state.callCount(.coinbaseProducts) == 6)
      let binance = await market.exchangeStatuses().first { $0.exchange == .binanceUS }
      #expect(binance?.budget.state.name == "throttled")
      let btc = try await engine.coinState("BTC-USD")
      #expect(btc.price != nil)
      let status = await engine.status()
      #expect(status.exchanges.count == 2)
    }
  }

  @Test func malformedAnswersAreCountedAndTheEngineKeepsRunning() async throws {
    try await MockExchangeServer.withRunning(state: seededState()) { server in
      let (engine, scheduler, market) = liveEngine(server)
      await scheduler.resolveSymbols()
      server.state.inject(.malformedJSON, on: .coinbaseProducts)
      await scheduler.fetchPrices()
      let coinbase = await market.exchangeStatuses().first { $0.exchange == .coinbase }
      #expect(coinbase?.budget.malformedAnswers == 1)
      await scheduler.fetchPrices()
      let eth = try await engine.coinState("ETH-USD")
      #expect(eth.price != nil)
    }
  }

  @Test func aCoinWhosePricesStopIsFlaggedStale() async throws {
    try await MockExchangeServer.withRunning(state: seededState()) { server in
      var configuration = EngineConfiguration.defaults
      configuration.fetch.priceFetchInterval = 0.5  // stale after 3 × 0.5 s
      let market = LiveMarket(exchanges: [
        .coinbase(baseURL: server.coinbaseBaseURL), .binanceUS(baseURL: server.binanceUSBaseURL),
      ])
      let engine = Engine(configuration: configuration, marketSource: .live)
      var logger = Logger(label: "test-live")
      logger.logLevel = .critical
      let scheduler = FetchScheduler(
        engine: engine, source: market, clock: SystemWallClock(), warmUpCandles: 0, logger: logger)
      await scheduler.resolveSymbols()
      await scheduler.fetchPrices()
      let fresh = try await engine.coinState("SOL-USD")
      #expect(!fresh.isStale)
      server.state.remove(symbol: "SOL-USD", on: .coinbase)
      try await Task.sleep(for: .milliseconds(1600))
      await scheduler.fetchPrices()
      let sol = try await engine.coinState("SOL-USD")
      #expect(sol.isStale)
      #expect(sol.staleReason.contains("no price for"))
      let btc = try await engine.coinState("BTC-USD")
      #expect(!btc.isStale)
    }
  }
}
