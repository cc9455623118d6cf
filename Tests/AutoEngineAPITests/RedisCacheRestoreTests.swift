import AutoEngineCore
import AutoEngineRedis
import AutoEngineRuntime
import AutoEngineTestSupport
import Logging
import Testing

@testable import AutoEngineAPI

/// The `redis` cache backend: what one run saves, the next run restores warm.
@Suite struct RedisCacheRestoreTests {
  @Test(.timeLimit(.minutes(1)))
  func anEngineRestartResumesWarmFromRedis() async throws {
    let redis = try await RedisTestServer()
    defer { redis.stop() }
    let client = RedisClient(configuration: try RedisConfiguration(url: redis.url))
    defer { client.close() }
    let keys = ReplicationKeys(prefix: "warm:")
    let store = RedisCacheStore(keys: keys)
    var logger = Logger(label: "test-redis")
    logger.logLevel = .warning

    // First run: the engine warms up from the market (60 candles) and saves as it ticks.
    let (first, scheduler) = simulatedEngine()
    #expect(try await store.restore(into: first, client: client, logger: logger) == false, "nothing saved yet")
    await first.cache.collectCandles(upTo: store.candleLimit)
    let publisher = ReplicaPublisher(engine: first, client: client, keys: keys, store: store, logger: logger)
    try await withRunningServer(engine: first, services: [scheduler, publisher]) { _, _, _ in
      // Every coin's candles and several price samples are in Redis.
      while true {
        let lengths = try await client.pipeline(
          first.catalogue.enabledCoins.flatMap {
            [RedisCommand("LLEN", store.candlesKey($0.symbol)), RedisCommand("LLEN", store.pricesKey($0.symbol))]
          })
        if lengths.allSatisfy({ ((try? $0.get().int) ?? 0) >= 3 }) { break }
        try await Task.sleep(for: .milliseconds(50))
      }
    }
    let ttl = try await client.send("TTL", store.candlesKey("BTC-USD")).int ?? -1
    #expect(ttl > 0 && ttl <= store.ttl)
    let before = Dictionary(uniqueKeysWithValues: await first.cache.statesUncounted().map { ($0.coin.symbol, $0) })

    // Second run: a fresh engine restores states, history and indicators before any fetch.
    let second = Engine(configuration: first.configuration, marketSource: .simulated)
    #expect(try await store.restore(into: second, client: client, logger: logger))
    _ = await second.cache.takeChanges(at: second.clock.now())
    let after = await second.cache.statesUncounted()
    #expect(after.count == 40)
    for state in after {
      let original = try #require(before[state.coin.symbol])
      #expect(state.price != nil && state.priceSamples >= 3 && !state.sparkline.isEmpty, "\(state.coin.symbol)")
      #expect(state.indicators.count >= 60 && state.aggregate != nil, "\(state.coin.symbol) is warm")
      if state.indicators.count == original.indicators.count {
        // The same candles in the same order: the very same indicator values.
        #expect(state.indicators == original.indicators, "\(state.coin.symbol)")
      }
    }
  }
}
