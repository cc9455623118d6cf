import ArgumentParser
import AutoEngineAPI
import AutoEngineCore
import AutoEngineRedis
import AutoEngineRuntime
import AutoEngineTestSupport
import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// `aebench redis-hop`: one engine and two API replicas in one process, fed through a real
/// Redis; measures the latency the Redis hop adds and the messages Redis carries.
///
/// The engine's hub is fed synthetic ticks (every coin's price moves each tick) at `--rate`
/// ticks per second, so the figure is the hop, not the market's pace; each tick's
/// `CoinStateUpdate` carries the time the engine's publisher handed it to Redis, and each replica
/// records the time until the states are in its cache and hub (`ReplicaFeed.hopLatency`).
struct RedisHopBenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "redis-hop",
    abstract: "Engine → Redis → two API replicas: hop latency p50/p99 and messages per second.",
    discussion: """
      Starts its own redis-server (Debian's package) on a free loopback port unless --redis-url
      names one.
        swift run -c release aebench redis-hop --seconds 30 --rate 50
      """)

  @Option(help: "Redis to use (default: start a private redis-server).")
  var redisURL: String?

  @Option(help: "Seconds to measure.")
  var seconds = 20.0

  @Option(help: "Engine ticks per second (each moves all 40 coins).")
  var rate = 50.0

  func validate() throws {
    guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
    guard rate > 0 && rate <= 10_000 else { throw ValidationError("--rate must be 0–10000 ticks per second") }
  }

  func run() async throws {
    var logger = Logger(label: "aebench")
    logger.logLevel = .warning
    let server: RedisTestServer? = redisURL == nil ? try await RedisTestServer() : nil
    defer { server?.stop() }
    let url = redisURL ?? server?.url ?? ""
    let configuration = try RedisConfiguration(url: url)
    let keys = ReplicationKeys(prefix: "aebench-\(UUID().uuidString.prefix(8)):")

    let clock = SystemWallClock()
    let engine = Engine(clock: clock, marketSource: .simulated)
    // One Redis loop per stand-in process (as each server has its own `RedisEventLoop`), so the
    // two replicas' feeds do not queue behind each other on one thread.
    let loops = MultiThreadedEventLoopGroup(numberOfThreads: 3)
    let loop = (0..<3).map { _ in loops.next() }
    let publisherClient = RedisClient(configuration: configuration, eventLoop: loop[0], logger: logger)
    let publisher = ReplicaPublisher(engine: engine, client: publisherClient, keys: keys, logger: logger)

    var feeds: [ReplicaFeed] = []
    for index in 1...2 {
      let replica = Engine(clock: clock, marketSource: .simulated)
      let feed = ReplicaFeed(
        engine: replica,
        subscriber: RedisSubscriber(configuration: configuration, eventLoop: loop[index], logger: logger),
        client: RedisClient(configuration: configuration, eventLoop: loop[index], logger: logger), keys: keys,
        logger: logger)
      try await feed.start()
      feeds.append(feed)
    }
    let group = ServiceGroup(services: [publisher] + feeds, logger: logger)
    let coins = engine.catalogue.coins
    let rate = self.rate
    let seconds = self.seconds
    let start = ContinuousClock.now
    let ticks = try await withThrowingTaskGroup(of: Int.self) { tasks in
      tasks.addTask {
        try await group.run()
        return 0
      }
      // The engine's ticks: every coin's price moves, at a steady pace.
      var published = 0
      let period = Duration.nanoseconds(Int64(1e9 / rate))
      var next = ContinuousClock.now
      while ContinuousClock.now - start < .milliseconds(Int64(seconds * 1000)) {
        published += 1
        let now = clock.now()
        let states = coins.map { coin in
          var state = CoinState(coin: coin)
          state.price = Decimal(100 + published % 1000) + Decimal(coins.count)
          state.priceUpdatedAt = now
          return state
        }
        engine.coinStates.publish(states, tickTime: now)
        next += period
        try await Task.sleep(until: next, clock: .continuous)
      }
      try await Task.sleep(for: .milliseconds(500))
      await group.triggerGracefulShutdown()
      try await tasks.waitForAll()
      return published
    }
    let elapsed = ContinuousClock.now - start
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let samples = feeds.flatMap { $0.hopLatency.samples }.map { Int64($0 * 1e9) }
    let summary = LatencySummary(nanoseconds: samples)
    let delivered = feeds.map(\.applied.ticks).reduce(0, +)
    let gaps = feeds.map(\.applied.gaps).reduce(0, +)
    print("Redis hop: engine → \(configuration.address) → 2 API replicas, \(rate) ticks/s × 40 coins, \(seconds) s")
    print(
      "  engine ticks \(ticks); delivered to the 2 replicas \(delivered) (\((Double(delivered) / wall).formatted(1)) messages/s out of Redis); sequence gaps \(gaps)"
    )
    print(
      "  hop latency (PUBLISH → states in the replica's hub), µs: p50 \(summary.p50.formatted(1)) p90 \(summary.p90.formatted(1)) p99 \(summary.p99.formatted(1)) max \(summary.max.formatted(1)) over \(summary.count) deliveries"
    )
    publisherClient.close()
    try await loops.shutdownGracefully()
  }
}
