import AutoEngineCore
import AutoEngineRedis
import AutoEngineTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import NIOCore
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

#if canImport(Glibc)
  import Glibc
#endif

/// One `--role engine` and two `--role api` processes on loopback through a real redis-server.
@Suite struct RedisReplicaProcessTests {
  /// One tick as a subscriber saw it: its time and every coin's price.
  struct Tick: Equatable, CustomStringConvertible {
    var time: Double
    var prices: [String: String]
    var description: String { "tick@\(time) (\(prices.count) coins)" }

    init(_ update: Autoengine_V1_CoinStateUpdate) {
      time = update.tickTime.timeIntervalSince1970
      prices = Dictionary(update.states.map { ($0.symbol, $0.price) }, uniquingKeysWith: { _, last in last })
    }
  }

  private func serve(
    _ arguments: [String], environment: [String: String] = [:]
  ) async throws -> (ChildProcess, grpcPort: Int) {
    let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-test-\(UUID().uuidString)")
    let process = try ChildProcess(
      executable: try builtProduct("autoengine"),
      arguments: ["serve", "--grpc-port", "0", "--http-port", "0", "--data-dir", dataDir.path] + arguments,
      environment: environment)
    let line = try await process.waitForStderrLine(containing: "gRPC listening on 127.0.0.1:", seconds: 60)
    let port = try #require(line.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) })
    return (process, port)
  }

  /// The next `count` non-snapshot, non-heartbeat updates of a replica's WatchCoinStates stream.
  private func watch(port: Int, count: Int) async throws -> [Autoengine_V1_CoinStateUpdate] {
    try await withLoopbackClient(port: port) { client in
      let service = Autoengine_V1_CoinStateService.Client(wrapping: client)
      return try await service.watchCoinStates(.with { _ in }) { response in
        var seen: [Autoengine_V1_CoinStateUpdate] = []
        for try await update in response.messages where !update.snapshot && !update.heartbeat {
          seen.append(update)
          if seen.count == count { break }
        }
        return seen
      }
    }
  }

  /// Checks that `ticks` appear in `published` contiguously and in the same order.
  private func expectContiguous(_ ticks: [Tick], in published: [Tick], replica: String) {
    guard let first = ticks.first, let start = published.firstIndex(where: { $0.time == first.time }) else {
      Issue.record("\(replica): its first tick \(ticks.first?.description ?? "-") was not published on Redis")
      return
    }
    let expected = Array(published[start..<min(published.count, start + ticks.count)])
    #expect(ticks == expected, "\(replica) saw \(ticks) but the engine published \(expected)")
  }

  @Test(.timeLimit(.minutes(3)))
  func twoAPIReplicasServeTheEnginesTicksInOrderAndSurviveARedisRestart() async throws {
    let redis = try await RedisTestServer()
    defer { redis.stop() }
    let prefix = "test-\(UUID().uuidString.prefix(8)):"
    let common = ["--redis-url", redis.url, "--set", "cache.redis_prefix=\(prefix)"]
    let (engine, _) = try await serve(
      ["--role", "engine", "--set", "fetch.price_fetch_interval=0.5", "--set", "fetch.stale_threshold_multiplier=100"]
        + common)
    defer { engine.kill() }
    let (first, firstPort) = try await serve(["--role", "api"] + common)
    defer { first.kill() }
    let (second, secondPort) = try await serve(["--role", "api"] + common)
    defer { second.kill() }
    #expect(first.standardError().contains("role api"))

    // What the engine published, read straight from Redis by the test.
    var configuration = try RedisConfiguration(url: redis.url)
    configuration.maximumBackoff = 0.2
    let tap = RedisSubscriber(configuration: configuration)
    defer { tap.close() }
    try await tap.subscribe(channels: [ReplicationKeys(prefix: prefix).ticksChannel])
    let published = Task {
      var ticks: [Tick] = []
      for await event in tap.events {
        if case .message(_, _, let payload) = event,
          let update = try? Autoengine_V1_CoinStateUpdate(serializedBytes: Array(buffer: payload))
        {
          ticks.append(Tick(update))
        }
      }
      return ticks
    }

    async let fromFirst = watch(port: firstPort, count: 6)
    async let fromSecond = watch(port: secondPort, count: 6)
    let (a, b) = try await (fromFirst, fromSecond)
    try await Task.sleep(for: .milliseconds(300))
    tap.close()
    let ticks = await published.value
    #expect(a.allSatisfy { $0.conflated == 0 } && b.allSatisfy { $0.conflated == 0 })
    #expect(a.map(\.sequence) == Array(2...7) && b.map(\.sequence) == Array(2...7))
    #expect(a.allSatisfy { $0.states.count == 40 } || a.allSatisfy { !$0.states.isEmpty })
    expectContiguous(a.map(Tick.init), in: ticks, replica: "replica 1")
    expectContiguous(b.map(Tick.init), in: ticks, replica: "replica 2")

    // Redis killed mid-run and restarted on the same port: every process stays up, and an open
    // stream on each replica receives ticks again.
    async let resumedFirst = watch(port: firstPort, count: 4)
    async let resumedSecond = watch(port: secondPort, count: 4)
    try await Task.sleep(for: .seconds(1))
    redis.kill()
    try await Task.sleep(for: .seconds(1))
    try await redis.start()
    let restartedAt = Date().timeIntervalSince1970
    let (c, d) = try await (resumedFirst, resumedSecond)
    for updates in [c, d] {
      let times = updates.map { $0.tickTime.timeIntervalSince1970 }
      #expect(times == times.sorted(), "ticks after the restart stay in order")
    }
    // The last updates are ticks the engine made after Redis came back.
    #expect((c.last?.tickTime.timeIntervalSince1970 ?? 0) >= restartedAt - 0.5)
    #expect((d.last?.tickTime.timeIntervalSince1970 ?? 0) >= restartedAt - 0.5)
    for process in [engine, first, second] {
      process.signal(SIGTERM)
      #expect(try await process.waitForExit(seconds: 10) == 0)
    }
  }

  @Test(.timeLimit(.minutes(2)))
  func aReplicaForwardsTradingToTheEngineAndReportsRedisInStatus() async throws {
    let redis = try await RedisTestServer()
    defer { redis.stop() }
    let token = ["AUTOENGINE_API_TOKEN": "replica-test-token-1234"]
    let common = ["--redis-url", redis.url, "--set", "cache.redis_prefix=forward:"]
    let (engine, enginePort) = try await serve(["--role", "engine"] + common, environment: token)
    defer { engine.kill() }
    let (replica, replicaPort) = try await serve(
      ["--role", "api", "--engine-address", "127.0.0.1:\(enginePort)"] + common, environment: token)
    defer { replica.kill() }
    var authorized = Metadata()
    authorized.addString("Bearer replica-test-token-1234", forKey: "authorization")

    try await withLoopbackClient(port: replicaPort) { client in
      let trading = Autoengine_V1_TradingService.Client(wrapping: client)
      // Refused without the token, like on the engine.
      await #expect { _ = try await trading.startAutobuy(Autoengine_V1_StartAutobuyRequest()) } throws: {
        ($0 as? RPCError)?.code == .unauthenticated
      }
      let started = try await trading.startAutobuy(Autoengine_V1_StartAutobuyRequest(), metadata: authorized)
      #expect(started.autobuyRunning)
      let request = Autoengine_V1_PlaceOrderRequest.with {
        $0.symbol = "BTC-USD"
        $0.side = .buy
        $0.quoteAmount = "25"
        $0.clientOrderID = "via-replica"
      }
      // Until the engine's first price tick it answers UNAVAILABLE ("no fresh price"), relayed.
      var order: Autoengine_V1_Order?
      for _ in 0..<200 where order == nil {
        do {
          order = try await trading.placeOrder(request, metadata: authorized)
        } catch let error as RPCError where error.code == .unavailable && error.message.contains("no fresh price") {
          try await Task.sleep(for: .milliseconds(100))
        }
      }
      #expect(order?.clientOrderID == "via-replica" && order?.mode == .paper)
      // The engine's own errors come back unchanged.
      await #expect {
        _ = try await trading.cancelOrders(.with { $0.symbol = "NOPE-USD" }, metadata: authorized)
      } throws: { ($0 as? RPCError)?.code == .notFound }

      // The replica's status shows its Redis connection.
      let system = Autoengine_V1_SystemService.Client(wrapping: client)
      var redisDetail = ""
      for _ in 0..<100 where redisDetail.isEmpty {
        let status = try await system.getStatus(Autoengine_V1_GetStatusRequest())
        redisDetail = status.components.first { $0.name == "redis" }?.detail ?? ""
        if redisDetail.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
      }
      #expect(redisDetail.contains("127.0.0.1:\(redis.port)") && redisDetail.contains("Redis 7"))
      #expect(redisDetail.contains("ping"))
    }
    // The engine holds the order and the autobuy state: the replica forwarded, not answered.
    try await withLoopbackClient(port: enginePort) { client in
      let trading = Autoengine_V1_TradingService.Client(wrapping: client)
      let orders = try await trading.listOrders(Autoengine_V1_ListOrdersRequest())
      #expect(orders.orders.contains { $0.clientOrderID == "via-replica" })
      let info = try await trading.getTradingInfo(Autoengine_V1_GetTradingInfoRequest())
      #expect(info.autobuyRunning)
    }
  }

  @Test(.timeLimit(.minutes(2)))
  func aRestartWithTheRedisBackendResumesWarmWithoutRefetchingHistory() async throws {
    let redis = try await RedisTestServer()
    defer { redis.stop() }
    let arguments = [
      "--cache-backend", "redis", "--redis-url", redis.url, "--set", "cache.redis_prefix=restart:",
      "--set", "fetch.price_fetch_interval=0.5",
    ]
    let (first, _) = try await serve(arguments)
    defer { first.kill() }
    #expect(first.standardError().contains("saved candles cover 0 of 40 coins"))
    // Wait until the first run has saved every coin's candles, then stop it.
    let client = RedisClient(configuration: try RedisConfiguration(url: redis.url))
    defer { client.close() }
    let store = RedisCacheStore(keys: ReplicationKeys(prefix: "restart:"))
    var saved = 0
    for _ in 0..<300 where saved < 40 {
      saved = 0
      let lengths = try await client.pipeline(
        CoinCatalogue.defaults.enabledCoins.map { RedisCommand("LLEN", store.candlesKey($0.symbol)) })
      for reply in lengths where ((try? reply.get().int) ?? 0) >= 250 {
        saved += 1
      }
      if saved < 40 { try await Task.sleep(for: .milliseconds(100)) }
    }
    #expect(saved == 40)
    first.signal(SIGTERM)
    #expect(try await first.waitForExit(seconds: 10) == 0)

    let (second, secondPort) = try await serve(arguments)
    defer { second.kill() }
    let stderr = second.standardError()
    #expect(stderr.contains("cache restored warm"))
    #expect(!stderr.contains("indicators warmed up for"), "no candle history was fetched from the market")
    // Its first snapshot already carries the indicators and signals of every coin.
    try await withLoopbackClient(port: secondPort) { client in
      let service = Autoengine_V1_CoinStateService.Client(wrapping: client)
      let states = try await service.listCoinStates(Autoengine_V1_ListCoinStatesRequest()).states
      #expect(states.count == 40)
      #expect(states.allSatisfy { $0.indicators.hasRsi14 && $0.hasSignal && !$0.price.isEmpty })
    }
    second.signal(SIGTERM)
    #expect(try await second.waitForExit(seconds: 10) == 0)
  }

  /// Both roles that exist only through Redis (an API replica reads from it; an engine role
  /// publishes to it) refuse to start without it.
  @Test(.timeLimit(.minutes(1)), arguments: ["api", "engine"])
  func aRoleThatNeedsRedisExitsNamingTheURLWhenItIsDown(role: String) async throws {
    let port = try RedisTestServer.freeLoopbackPort()
    let process = try ChildProcess(
      executable: try builtProduct("autoengine"),
      arguments: [
        "serve", "--role", role, "--grpc-port", "0", "--http-port", "0", "--redis-url", "redis://127.0.0.1:\(port)",
      ])
    #expect(try await process.waitForExit(seconds: 30) != 0)
    #expect(process.standardError().contains("redis://127.0.0.1:\(port)"))
    #expect(process.standardError().contains("cannot run without it"))
  }

  @Test(.timeLimit(.minutes(1)))
  func roleAllFallsBackToMemoryWithAWarningWhenRedisIsDown() async throws {
    let port = try RedisTestServer.freeLoopbackPort()
    let (process, _) = try await serve(["--cache-backend", "redis", "--redis-url", "redis://127.0.0.1:\(port)"])
    defer { process.kill() }
    #expect(process.standardError().contains("REDIS UNAVAILABLE"))
    #expect(process.standardError().contains("IN-MEMORY"))
    process.signal(SIGTERM)
    #expect(try await process.waitForExit(seconds: 10) == 0)
  }
}
