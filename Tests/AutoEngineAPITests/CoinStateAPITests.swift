import AsyncHTTPClient
import AutoEngineCore
import AutoEngineRuntime
import Foundation
import GRPCCore
import Logging
import NIOCore
import NIOHTTP1
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Coin states over real gRPC and REST, on the simulated market.
@Suite struct CoinStateAPITests {
  @Test func listCoinsGivesTheFortySeedCoins() async throws {
    let (engine, scheduler) = simulatedEngine()
    try await withRunningServer(engine: engine, services: [scheduler]) { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let service = Autoengine_V1_CoinStateService.Client(wrapping: client)
        let all = try await service.listCoins(Autoengine_V1_ListCoinsRequest())
        #expect(all.total == 40)
        #expect(all.perExchange == ["coinbase": 20, "binanceus": 20])
        #expect(all.coins.first?.symbol == "BTC-USD")
        #expect(all.coins.first?.maxTradeAmount == "10000")
        let binance = try await service.listCoins(.with { $0.exchange = .binanceUs })
        #expect(binance.coins.count == 20)
        #expect(binance.coins.allSatisfy { $0.symbol.hasSuffix("USDT") })
      }
    }
  }

  @Test func statesBecomeLiveAndUnknownSymbolsAreNotFound() async throws {
    let (engine, scheduler) = simulatedEngine()
    try await withRunningServer(engine: engine, services: [scheduler]) { engine, grpcPort, _ in
      #expect(
        try await eventually(seconds: 10) { (try? await engine.coinStates().allSatisfy { $0.price != nil }) == true })
      try await withLoopbackClient(port: grpcPort) { client in
        let service = Autoengine_V1_CoinStateService.Client(wrapping: client)
        let list = try await service.listCoinStates(Autoengine_V1_ListCoinStatesRequest())
        #expect(list.states.count == 40)
        #expect(list.states.allSatisfy { !$0.price.isEmpty && Decimal(string: $0.price) != nil })
        let btc = try await service.getCoinState(.with { $0.symbol = "btc-usd" })
        #expect(btc.symbol == "BTC-USD")
        #expect(btc.indicators.hasRsi14)  // warmed up from history
        #expect(btc.signal.action != .unspecified)
        await #expect {
          _ = try await service.getCoinState(.with { $0.symbol = "DOGE-EUR" })
        } throws: { error in
          guard let rpc = error as? RPCError else { return false }
          return rpc.code == .notFound && rpc.message.contains("DOGE-EUR") && rpc.message.contains("/api/coins")
        }
      }
    }
  }

  @Test func watchStartsWithASnapshotThenPushesNumberedTicks() async throws {
    let (engine, scheduler) = simulatedEngine()
    try await withRunningServer(engine: engine, services: [scheduler]) { engine, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let service = Autoengine_V1_CoinStateService.Client(wrapping: client)
        let request = Autoengine_V1_WatchCoinStatesRequest.with { $0.symbols = ["BTC-USD", "ETHUSDT"] }
        let updates = try await service.watchCoinStates(request) { response in
          var seen: [Autoengine_V1_CoinStateUpdate] = []
          for try await update in response.messages {
            seen.append(update)
            if seen.count == 4 { break }
          }
          return seen
        }
        #expect(updates.map(\.sequence) == [1, 2, 3, 4])
        #expect(updates[0].snapshot)
        #expect(Set(updates[0].states.map(\.symbol)) == ["BTC-USD", "ETHUSDT"])
        for update in updates.dropFirst() {
          #expect(!update.snapshot)
          #expect(update.heartbeat || !update.states.isEmpty)
          #expect(Set(update.states.map(\.symbol)).isSubset(of: ["BTC-USD", "ETHUSDT"]))
        }
      }
      #expect(try await eventually { engine.coinStates.subscriberCount == 0 }, "the stream's subscription leaked")
    }
  }

  @Test func idleStreamsGetHeartbeats() async throws {
    let engine = Engine()  // no scheduler: nothing changes
    try await withRunningServer(engine: engine) { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let service = Autoengine_V1_CoinStateService.Client(wrapping: client)
        let updates = try await service.watchCoinStates(.with { $0.heartbeatSeconds = 1 }) { response in
          var seen: [Autoengine_V1_CoinStateUpdate] = []
          for try await update in response.messages {
            seen.append(update)
            if seen.count == 2 { break }
          }
          return seen
        }
        #expect(updates[0].snapshot && updates[0].states.count == 40)
        #expect(updates[1].heartbeat && updates[1].sequence == 2 && updates[1].states.isEmpty)
      }
    }
  }

  @Test func restServesCoinsStatesSignalsAndStatus() async throws {
    let (engine, scheduler) = simulatedEngine()
    try await withRunningServer(engine: engine, services: [scheduler]) { engine, _, httpPort in
      #expect(try await eventually(seconds: 10) { (try? await engine.coinState("SOLUSDT").price) != nil })
      func get(_ path: String) async throws -> (Int, Data) {
        let (data, response) = try await URLSession.shared.data(
          from: URL(string: "http://127.0.0.1:\(httpPort)\(path)")!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
      }
      let (coinsStatus, coins) = try await get("/api/coins")
      #expect(coinsStatus == 200)
      #expect(try Autoengine_V1_ListCoinsResponse(jsonUTF8Data: coins).coins.count == 40)
      let (_, states) = try await get("/api/coinstate?exchange=coinbase")
      #expect(try Autoengine_V1_ListCoinStatesResponse(jsonUTF8Data: states).states.count == 20)
      let (_, sol) = try await get("/api/coinstate/SOLUSDT")
      #expect(try Autoengine_V1_CoinState(jsonUTF8Data: sol).symbol == "SOLUSDT")
      let (signalsStatus, signals) = try await get("/api/strategies/SOLUSDT")
      #expect(signalsStatus == 200)
      #expect(try Autoengine_V1_CoinSignals(jsonUTF8Data: signals).signals.count == 70)
      let (_, status) = try await get("/api/system/status")
      let report = try Autoengine_V1_SystemStatus(jsonUTF8Data: status)
      #expect(report.marketSource == .simulated)
      #expect(report.components.contains { $0.name == "price-fetcher" && $0.runs > 0 })
      let (missingStatus, missing) = try await get("/api/coinstate/NOPE-USD")
      #expect(missingStatus == 404)
      #expect(String(decoding: missing, as: UTF8.self).contains("/api/coins"))
      let (badStatus, bad) = try await get("/api/coinstate?exchange=kraken")
      #expect(badStatus == 400)
      #expect(String(decoding: bad, as: UTF8.self).contains("kraken"))
    }
  }

  @Test func strategyCatalogueHasSeventyWithWeights() async throws {
    try await withRunningServer { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let service = Autoengine_V1_StrategyService.Client(wrapping: client)
        let all = try await service.listStrategies(Autoengine_V1_ListStrategiesRequest())
        #expect(all.strategies.map(\.id) == (1...70).map { "P\($0)" })
        let cosmic = try await service.listStrategies(.with { $0.category = .cosmic })
        #expect(cosmic.strategies.count == 5)
        #expect(cosmic.strategies.allSatisfy { $0.categoryWeight == 0.25 })
      }
    }
  }
}

/// The SSE bridge of WatchCoinStates over a real socket.
@Suite struct CoinStateEventStreamTests {
  @Test func sseStartsWithASnapshotThenStreamsNumberedUpdatesAndReleasesOnDisconnect() async throws {
    let (engine, scheduler) = simulatedEngine()
    try await withRunningServer(engine: engine, services: [scheduler]) { engine, _, httpPort in
      let request = HTTPClientRequest(
        url: "http://127.0.0.1:\(httpPort)/api/coinstate/stream?symbols=BTC-USD,ETHUSDT&heartbeat=1")
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
      #expect(response.headers.first(name: "content-type")?.hasPrefix("text/event-stream") == true)
      var events: [(name: String, id: String, update: Autoengine_V1_CoinStateUpdate)] = []
      var name = ""
      var id = ""
      var pending = ""
      reading: for try await chunk in response.body {
        pending += String(buffer: chunk)
        while let newline = pending.firstIndex(of: "\n") {
          let line = String(pending[..<newline])
          pending = String(pending[pending.index(after: newline)...])
          if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
          if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
          if line.hasPrefix("data: ") {
            events.append((name, id, try Autoengine_V1_CoinStateUpdate(jsonString: String(line.dropFirst(6)))))
            if events.count == 3 { break reading }
          }
        }
      }
      #expect(events.map(\.name) == ["snapshot", "update", "update"])
      #expect(events[0].update.states.count == 2)
      #expect(events.map(\.id) == events.map { "\($0.update.sequence)" })
      #expect(events[1].update.sequence > events[0].update.sequence)
      #expect(
        events.dropFirst().allSatisfy { Set($0.update.states.map(\.symbol)).isSubset(of: ["BTC-USD", "ETHUSDT"]) })
    }
    #expect(try await eventually { engine.coinStates.subscriberCount == 0 }, "the SSE subscription leaked")
  }

  /// `heartbeat` values that are not a finite number of seconds fall back to the default
  /// instead of overflowing the timer (`inf` once crashed the server).
  @Test(arguments: ["inf", "-inf", "nan", "1e300", "-5", "x"])
  func anUnusableHeartbeatFallsBackAndTheServerStaysUp(_ heartbeat: String) async throws {
    let (engine, scheduler) = simulatedEngine()
    try await withRunningServer(engine: engine, services: [scheduler]) { _, _, httpPort in
      let request = HTTPClientRequest(
        url: "http://127.0.0.1:\(httpPort)/api/coinstate/stream?symbols=BTC-USD&heartbeat=\(heartbeat)")
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
      #expect(response.status == .ok)
      var received = ""
      for try await chunk in response.body {
        received += String(buffer: chunk)
        if received.contains("event: snapshot") { break }
      }
      #expect(received.contains("event: snapshot"))
      let health = try await HTTPClient.shared.execute(
        HTTPClientRequest(url: "http://127.0.0.1:\(httpPort)/api/health"), timeout: .seconds(30))
      #expect(health.status == .ok)
    }
  }
}

/// WatchSignals: a snapshot of every selected coin's 70 signals, then the coins re-evaluated.
@Suite struct WatchSignalsTests {
  /// An engine on the simulated market (path steps of `stepSeconds`) fetching prices every
  /// 50 ms, with candles (and so evaluations) of `candleSeconds`.
  private func engine(candleSeconds: Double, stepSeconds: Int = 5) -> (Engine, FetchScheduler) {
    var configuration = EngineConfiguration.defaults
    configuration.fetch.priceFetchInterval = 0.05
    configuration.fetch.indicatorCalcInterval = candleSeconds
    let clock = SystemWallClock()
    let engine = Engine(clock: clock, configuration: configuration)
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let market = SimulatedMarket(
      coins: engine.catalogue.enabledCoins, seed: 3, start: clock.now(), stepSeconds: stepSeconds)
    let scheduler = FetchScheduler(engine: engine, source: market, clock: clock, warmUpCandles: 30, logger: logger)
    return (engine, scheduler)
  }

  @Test func snapshotThenReevaluatedCoins() async throws {
    // Candles of 0.2 s, so coins are re-evaluated quickly.
    let (engine, scheduler) = engine(candleSeconds: 0.2)
    try await withRunningServer(engine: engine, services: [scheduler]) { engine, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let service = Autoengine_V1_StrategyService.Client(wrapping: client)
        let request = Autoengine_V1_WatchSignalsRequest.with {
          $0.symbols = ["ADA-USD"]
          $0.heartbeatSeconds = 1
        }
        let updates = try await service.watchSignals(request) { response in
          var seen: [Autoengine_V1_SignalsUpdate] = []
          for try await update in response.messages {
            seen.append(update)
            if seen.count >= 2 && !update.heartbeat { break }
            if seen.count > 20 { break }
          }
          return seen
        }
        #expect(updates.first?.snapshot == true)
        #expect(updates.first?.coins.map(\.symbol) == ["ADA-USD"])
        #expect(updates.first?.coins.first?.signals.count == 70)
        let next = try #require(updates.last)
        #expect(!next.snapshot && next.sequence == UInt64(updates.count))
        #expect(next.coins.map(\.symbol) == ["ADA-USD"])
      }
    }
  }

  /// Prices move every 50 ms but candles close only once a minute (the candle period is capped
  /// at 60 s), so coins are rarely re-evaluated: the stream (all coins, a 2 s heartbeat) sends
  /// its heartbeat an interval after its last message, which the ticks arriving meanwhile must
  /// not push back (they did: no heartbeat for up to a minute). A candle closing on the wall
  /// clock's minute may legitimately send a signal update first — a loaded machine makes that
  /// likelier — so the heartbeat is awaited after whatever came before it.
  @Test(.timeLimit(.minutes(1)))
  func aHeartbeatComesWhileTicksChangeNoSignal() async throws {
    let (engine, scheduler) = engine(candleSeconds: 600, stepSeconds: 1)
    try await withRunningServer(engine: engine, services: [scheduler]) { engine, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let service = Autoengine_V1_StrategyService.Client(wrapping: client)
        let request = Autoengine_V1_WatchSignalsRequest.with {
          $0.heartbeatSeconds = 2
        }
        let (updates, wait) = try await service.watchSignals(request) { response in
          var seen: [Autoengine_V1_SignalsUpdate] = []
          var previous = ContinuousClock.now
          for try await update in response.messages {
            seen.append(update)
            let now = ContinuousClock.now
            if update.heartbeat { return (seen, now - previous) }
            previous = now
          }
          return (seen, Duration.zero)
        }
        #expect(updates.map(\.sequence) == (1...UInt64(updates.count)).map { $0 })
        #expect(updates.count >= 2 && updates.last?.heartbeat == true)
        // Two seconds after the previous message, with room for a loaded machine; ticks that
        // postponed it would keep it away for the whole minute.
        #expect(wait < .seconds(8), "the heartbeat came \(wait) after the previous message")
      }
    }
  }
}
