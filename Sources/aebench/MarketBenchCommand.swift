import ArgumentParser
import AutoEngineCore
import AutoEngineExchanges
import AutoEngineRuntime
import AutoEngineTestSupport
import Foundation
import Logging

/// `aebench market`: the live engine against the mock exchange at the seed's cadences, with time
/// compressed — exchange calls per minute, cache hit rate, fetch-to-publish latency.
struct MarketBenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "market",
    abstract: "Run the live engine against the mock exchange (40 coins, seed cadences, time compressed).",
    discussion: """
      Starts the mock exchange on 127.0.0.1 (Coinbase, Binance.US and SWPC formats), runs the \
      engine's real clients, request budgets, scheduler and cache on it with every interval \
      divided by --speedup, moves the mock's prices every simulated 10 s, and reads all coin \
      states every simulated 5 s as a frontend would. Reports steady-state exchange calls per \
      simulated minute (after start-up resolution and warm-up), the cache hit rate of those reads, \
      and the fetch-to-publish latency of each price tick. Use a release build:

        swift run -c release aebench market --minutes 10 --speedup 30
      """)

  @Option(help: "Simulated minutes to run after warm-up.")
  var minutes = 10.0

  @Option(help: "Time compression: every interval is divided by this (Coinbase allows 10 requests/s, so ≤ 50).")
  var speedup = 30.0

  func validate() throws {
    guard minutes > 0, speedup >= 1, speedup <= 50 else { throw ValidationError("--minutes > 0 and --speedup 1…50") }
  }

  func run() async throws {
    let state = MockExchangeState(
      markets: MockMarket.seedMarkets(on: .coinbase) + MockMarket.seedMarkets(on: .binanceUS))
    try await MockExchangeServer.withRunning(state: state) { server in
      var configuration = EngineConfiguration.defaults
      let fetch = configuration.fetch
      configuration.fetch.priceFetchInterval = fetch.priceFetchInterval / speedup
      configuration.fetch.volumeFetchInterval = fetch.volumeFetchInterval / speedup
      configuration.fetch.mysticFetchInterval = fetch.mysticFetchInterval / speedup
      let market = LiveMarket(
        exchanges: [.coinbase(baseURL: server.coinbaseBaseURL), .binanceUS(baseURL: server.binanceUSBaseURL)],
        statsMaxAge: fetch.volumeFetchInterval / speedup)
      let engine = Engine(configuration: configuration, marketSource: .live, exchangeStatus: market)
      var logger = Logger(label: "aebench.market")
      logger.logLevel = .error
      let scheduler = FetchScheduler(
        engine: engine, source: market, cosmicFeed: ConfiguredCosmicFeed(swpc: SWPCClient(baseURL: server.swpcBaseURL)),
        clock: SystemWallClock(), warmUpCandles: 250, logger: logger)

      let engineTask = Task { try await scheduler.run() }
      // Start-up: symbol resolution, warm-up history and the first fetches.
      while await engine.coinStatesCount(withPrice: true) < 40 { try await Task.sleep(for: .milliseconds(10)) }
      state.resetCalls()
      let before = await engine.cacheCounters()
      let wallSeconds = minutes * 60 / speedup
      let start = ContinuousClock.now
      var tick = 0
      while ContinuousClock.now - start < .milliseconds(Int64(wallSeconds * 1000)) {
        try await Task.sleep(for: .milliseconds(Int64(5_000 / speedup)))  // a frontend read every 5 s
        _ = try await engine.coinStates()
        tick += 1
        if tick % 2 == 0 {  // prices move every 10 s
          state.movePrices(on: .coinbase, byPercent: tick % 4 == 0 ? 0.1 : -0.08)
          state.movePrices(on: .binanceUS, byPercent: tick % 4 == 0 ? -0.05 : 0.07)
        }
      }
      engineTask.cancel()
      _ = try? await engineTask.value
      let after = await engine.cacheCounters()

      let coinbaseCalls = state.callLog.filter { ($0.endpoint?.rawValue ?? "").hasPrefix("coinbase") }.count
      let binanceCalls = state.callLog.filter { ($0.endpoint?.rawValue ?? "").hasPrefix("binanceus") }.count
      let swpcCalls = state.callLog.filter { ($0.endpoint?.rawValue ?? "").hasPrefix("swpc") }.count
      let hits = after.hits - before.hits
      let misses = after.misses - before.misses
      let latency = scheduler.fetchToPublish
      print(
        "aebench market — \(MachineDescription.current), \(MachineDescription.isOptimized ? "release" : "DEBUG (figures meaningless)") build"
      )
      print(
        "40 coins, \(minutes.formatted(1)) simulated minutes at \(speedup.formatted(0))× (price 10 s, volume 180 s, cosmic 3600 s)"
      )
      print(
        "exchange calls per simulated minute: Coinbase \((Double(coinbaseCalls) / minutes).formatted(1)), Binance.US \((Double(binanceCalls) / minutes).formatted(1)), total \((Double(coinbaseCalls + binanceCalls) / minutes).formatted(1)) (target ≤ 20); NOAA SWPC \(swpcCalls) calls"
      )
      print(
        "cache hit rate: \((Double(hits) / Double(max(1, hits + misses)) * 100).formatted(2)) % of \(hits + misses) coin reads (target ≥ 95 %)"
      )
      print(
        "fetch-to-publish per price tick: median \(((latency.quantile(0.5) ?? 0) * 1e6).formatted(0)) µs, p99 \(((latency.quantile(0.99) ?? 0) * 1e6).formatted(0)) µs over \(latency.samples.count) ticks (target median ≤ 1 ms)"
      )
    }
  }
}
