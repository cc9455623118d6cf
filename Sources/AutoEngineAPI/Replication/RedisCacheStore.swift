import AutoEngineCore
public import AutoEngineRedis
public import AutoEngineRuntime
import Foundation
public import Logging
import NIOCore
import SwiftProtobuf

/// The `redis` cache backend: what the engine keeps in Redis so that a restart resumes warm,
/// and how it reads it back.
///
/// Per coin (configured symbol), under the prefix, each key expiring `ttl` seconds after its
/// latest write:
/// * `candles:<SYMBOL>` — list of the last `candleLimit` candles the indicators evaluated, oldest
///   first, each `"<unix seconds> <open> <high> <low> <close> <volume>"`;
/// * `prices:<SYMBOL>` — list of the last `priceLimit` price samples, `"<unix seconds> <price>"`;
/// * the `coin_states` hash of `ReplicationKeys` holds each coin's latest state.
public struct RedisCacheStore: Sendable {
  /// Where the keys live.
  public let keys: ReplicationKeys
  /// Candles kept per coin (the indicators' warm-up length).
  public let candleLimit: Int
  /// Price samples kept per coin.
  public let priceLimit: Int
  /// Seconds each key lives after its latest write.
  public let ttl: Int

  /// Creates a store; defaults keep 250 candles and 400 prices per coin for a day.
  public init(keys: ReplicationKeys, candleLimit: Int = 250, priceLimit: Int = 400, ttl: Int = 86_400) {
    self.keys = keys
    self.candleLimit = candleLimit
    self.priceLimit = priceLimit
    self.ttl = ttl
  }

  /// `candles:<SYMBOL>` under the prefix.
  public func candlesKey(_ symbol: String) -> String { keys.prefix + "candles:" + symbol }
  /// `prices:<SYMBOL>` under the prefix.
  public func pricesKey(_ symbol: String) -> String { keys.prefix + "prices:" + symbol }

  /// The commands that save one tick: each changed coin's price sample, and the candles
  /// evaluated since the previous tick (appended, trimmed to the limits, expiry refreshed).
  func commands(states: [CoinState], candles: [String: [Candle]]) -> [RedisCommand] {
    var commands: [RedisCommand] = []
    for state in states {
      guard let price = state.price, let time = state.priceUpdatedAt else { continue }
      let key = pricesKey(state.coin.symbol)
      commands.append(RedisCommand("RPUSH", key, "\(time.seconds) \(price)"))
      commands.append(RedisCommand("LTRIM", key, String(-priceLimit), "-1"))
      commands.append(RedisCommand("EXPIRE", key, String(ttl)))
    }
    for (symbol, list) in candles.sorted(by: { $0.key < $1.key }) where !list.isEmpty {
      let key = candlesKey(symbol)
      commands.append(RedisCommand("RPUSH", [key] + list.map(Self.text)))
      commands.append(RedisCommand("LTRIM", key, String(-candleLimit), "-1"))
      commands.append(RedisCommand("EXPIRE", key, String(ttl)))
    }
    return commands
  }

  /// Restores the cache of `engine` from Redis: coin states, price history, and the indicators
  /// from the saved candles.
  ///
  /// - Returns: whether every enabled coin's indicators were warmed up from Redis (then the
  ///   engine need not fetch candle history from the exchanges).
  public func restore(into engine: Engine, client: RedisClient, logger: Logger) async throws(RedisError) -> Bool {
    let coins = engine.catalogue.enabledCoins
    var commands = [RedisCommand("HGETALL", keys.coinStates)]
    for coin in coins {
      commands.append(RedisCommand("LRANGE", candlesKey(coin.symbol), "0", "-1"))
      commands.append(RedisCommand("LRANGE", pricesKey(coin.symbol), "0", "-1"))
    }
    var replies: [RESPValue] = []
    for reply in try await client.pipeline(commands) { replies.append(try reply.get()) }
    let states = CoinState.states(ofHash: replies[0].hashFields, catalogue: engine.catalogue)
    await engine.cache.replace(with: states)
    var warmed = 0
    var candleCounts: [(String, [Candle])] = []
    for (index, coin) in coins.enumerated() {
      let candles = (replies[1 + 2 * index].array ?? []).compactMap { $0.string.flatMap(Self.candle) }
      let prices = (replies[2 + 2 * index].array ?? []).compactMap { $0.string.flatMap(Self.sample) }
      await engine.cache.restoreHistory(symbol: coin.symbol, samples: prices)
      candleCounts.append((coin.symbol, candles))
      if !candles.isEmpty { warmed += 1 }
    }
    let complete = warmed == coins.count && !coins.isEmpty
    if complete {
      let now = engine.clock.now()
      for (symbol, candles) in candleCounts { await engine.cache.warmUp(symbol: symbol, candles: candles, now: now) }
    }
    logger.notice(
      complete
        ? "redis: cache restored warm — \(states.count) coin states, indicators from saved candles; no history re-fetch"
        : "redis: \(states.count) coin states restored; saved candles cover \(warmed) of \(coins.count) coins, so candle history is fetched from the market"
    )
    return complete
  }

  static func text(_ candle: Candle) -> String {
    "\(candle.time.seconds) \(candle.open) \(candle.high) \(candle.low) \(candle.close) \(candle.volume)"
  }

  static func candle(_ text: String) -> Candle? {
    let fields = text.split(separator: " ").compactMap { Double($0) }
    guard fields.count == 6 else { return nil }
    return Candle(
      time: UnixTime(seconds: fields[0]), open: fields[1], high: fields[2], low: fields[3], close: fields[4],
      volume: fields[5])
  }

  static func sample(_ text: String) -> (time: UnixTime, price: Double)? {
    let fields = text.split(separator: " ").compactMap { Double($0) }
    guard fields.count == 2 else { return nil }
    return (UnixTime(seconds: fields[0]), fields[1])
  }
}
