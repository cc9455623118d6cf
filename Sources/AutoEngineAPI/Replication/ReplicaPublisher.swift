import AutoEngineCore
public import AutoEngineRedis
public import AutoEngineRuntime
import Foundation
public import Logging
import NIOCore
public import ServiceLifecycle
import SwiftProtobuf

/// The engine side of the fan-out: publishes each tick's changed coin states, the strategies'
/// signals of the coins it evaluated, the trading board when it changed, and every trade event
/// to Redis, and keeps the latest of each in a key for replicas' snapshots (`ReplicationKeys`).
///
/// It reads the engine like any stream subscriber (a `CoinStateHub` subscription), so the
/// engine never waits for Redis: while Redis is slow or down, the subscription conflates to the
/// newest state per coin, and once a write succeeds again the whole snapshot is rewritten.
/// Per tick, one pipelined write: the board (when changed: `SET`, `PUBLISH`), `HSET` of the
/// changed states, `PUBLISH` of the tick, then the evaluated coins' signals (`HSET`, `PUBLISH`),
/// the key expiry and the cache store's writes — so a replica holds a tick's board before its
/// states, and its signals right after.
public final class ReplicaPublisher: Service {
  private let engine: Engine
  private let client: RedisClient
  private let keys: ReplicationKeys
  private let store: RedisCacheStore?
  private let logger: Logger
  /// Seconds a key written by the engine lives without a newer write (the coin-state hash).
  private let keyTTL: Int

  /// Creates a publisher; `keyTTL` is the expiry of the coin-state hash, refreshed per tick.
  /// With a `store`, each tick also saves price samples and evaluated candles (the `redis`
  /// cache backend).
  public init(
    engine: Engine, client: RedisClient, keys: ReplicationKeys, store: RedisCacheStore? = nil, keyTTL: Int = 86_400,
    logger: Logger
  ) {
    self.engine = engine
    self.client = client
    self.keys = keys
    self.store = store
    self.keyTTL = keyTTL
    self.logger = logger
  }

  public func run() async throws {
    let subscription = engine.coinStates.subscribe()
    try await withGracefulShutdownHandler {
      try await withThrowingDiscardingTaskGroup { group in
        if let events = engine.trading?.events {
          group.addTask { await self.publishTradeEvents(events) }
        }
        await publishTicks(subscription)
        // The listeners end every hub subscription when they stop (before this service is told
        // to): stay until this service's own shutdown, as ServiceGroup expects.
        if !Task.isShuttingDownGracefully { try? await gracefulShutdown() }
        group.cancelAll()
      }
    } onGracefulShutdown: {
      subscription.cancel()
    }
  }

  private func publishTicks(_ subscription: CoinStateSubscription) async {
    var sequence: UInt64 = 0
    var needsSnapshot = true
    var failures = 0
    /// Per symbol, the evaluation time of the signals last written; the board generation.
    var written: (evaluatedAt: [String: UnixTime], board: UInt64?) = ([:], nil)
    while let batch = await subscription.next() {
      sequence += 1
      var commands: [RedisCommand] = []
      let board = engine.tradingBoard.map { ($0.generation, $0.all) }
      if let (generation, all) = board, needsSnapshot || generation != written.board {
        let text = TradingBoardText.encode(all)
        commands.append(RedisCommand("SET", keys.tradingBoard, text, "EX", String(keyTTL)))
        commands.append(RedisCommand("PUBLISH", keys.tradingBoardChannel, text))
      }
      var evaluated = batch.states
      // After a failed write (and at start) the tick carries every coin's newest state, so the
      // hash is whole again and a replica that stayed subscribed catches up on the coins that
      // changed only in the ticks it missed.
      var published = batch.states
      if needsSnapshot {
        let all = await engine.cache.statesUncounted()
        published = all
        commands.append(engineInfoWrite())
        // Every coin's signals too: Redis may have lost the hash (restarted without persistence).
        evaluated = all.filter { $0.indicatorsUpdatedAt != nil }
      } else {
        evaluated.removeAll {
          $0.indicatorsUpdatedAt == nil || written.evaluatedAt[$0.coin.symbol] == $0.indicatorsUpdatedAt
        }
      }
      var signals: [Autoengine_V1_CoinSignals] = []
      for state in evaluated {
        if let coin = await engine.cache.signals(of: state.coin.symbol) { signals.append(.init(coin)) }
      }
      let states = Self.encoded(published)
      let candles = store == nil ? [:] : await engine.cache.takeEvaluatedCandles()
      // The tick's message goes right after its states are in the hash (a replica that loads
      // the hash and then reads the channel misses nothing), ahead of the writes no replica
      // waits for; it carries each state's bytes as encoded for the hash, and the time it
      // leaves for Redis.
      commands.append(hashWrite(keys.coinStates, states))
      let update = Autoengine_V1_CoinStateUpdate.with { update in
        update.sequence = sequence
        update.tickTime = .init(batch.tickTime)
        update.conflated = batch.conflated
        update.sentAt = .init(UnixTime(seconds: Date().timeIntervalSince1970))
      }
      commands.append(
        RedisCommand(
          "PUBLISH",
          bytes: [ByteBuffer(string: keys.ticksChannel), Self.updateBytes(update, states: states.map(\.bytes))]))
      if !signals.isEmpty {
        commands.append(hashWrite(keys.signals, signals.map { ($0.symbol, Self.bytes($0)) }))
        let signalsMessage = Autoengine_V1_ListSignalsResponse.with {
          $0.coins = signals
          $0.asOf = update.tickTime
        }
        commands.append(
          RedisCommand("PUBLISH", bytes: [ByteBuffer(string: keys.signalsChannel), Self.bytes(signalsMessage)]))
      }
      // Every key's expiry is renewed each tick: the board and the signals may not change for
      // longer than the TTL, and must not expire while the engine runs.
      for key in [keys.coinStates, keys.tradingBoard, keys.signals] {
        commands.append(RedisCommand("EXPIRE", key, String(keyTTL)))
      }
      if let store { commands += store.commands(states: batch.states, candles: candles) }
      do {
        for reply in try await client.pipeline(commands) { _ = try reply.get() }
        if failures > 0 {
          logger.notice("redis publishing resumed", metadata: ["failed_ticks": "\(failures)"])
        }
        needsSnapshot = false
        failures = 0
        written.board = board?.0
        for state in evaluated { written.evaluatedAt[state.coin.symbol] = state.indicatorsUpdatedAt }
      } catch {
        // The next successful write rewrites every coin, so the hash is whole again.
        needsSnapshot = true
        failures += 1
        if failures == 1 || failures.isMultiple(of: 60) {
          logger.warning(
            "redis publish of a tick failed; replicas miss it (retrying with the next tick)",
            metadata: ["error": "\(error)", "failed_ticks": "\(failures)"])
        }
      }
    }
  }

  private func publishTradeEvents(_ hub: TradeEventHub) async {
    let (id, events) = hub.subscribe(TradeEventHub.Filter(includeRefused: true))
    defer { hub.unsubscribe(id) }
    var sequence: UInt64 = 0
    for await event in events {
      sequence += 1
      let message = Autoengine_V1_TradeEvent(sequence: sequence, event: event, now: engine.clock.now())
      do {
        try await client.publish(keys.tradeEventsChannel, Self.bytes(message))
      } catch {
        logger.warning("redis publish of a trade event failed", metadata: ["error": "\(error)"])
      }
    }
  }

  /// Each state's contract message, encoded, with its symbol.
  private static func encoded(_ states: [CoinState]) -> [(symbol: String, bytes: ByteBuffer)] {
    states.map { state in
      let message = Autoengine_V1_CoinState(state)
      return (message.symbol, bytes(message))
    }
  }

  /// HSET into `key` of each coin's encoded contract message under its symbol.
  private func hashWrite(_ key: String, _ entries: [(symbol: String, bytes: ByteBuffer)]) -> RedisCommand {
    var arguments = [ByteBuffer(string: key)]
    for entry in entries {
      arguments.append(ByteBuffer(string: entry.symbol))
      arguments.append(entry.bytes)
    }
    return RedisCommand("HSET", bytes: arguments)
  }

  /// The wire bytes of `update` with `states` (encoded `CoinState`s) as its field 4, without
  /// encoding the states again: protobuf reads a repeated message field from its entries
  /// wherever they stand, so the entries are appended after the other fields.
  static func updateBytes(_ update: Autoengine_V1_CoinStateUpdate, states: [ByteBuffer]) -> ByteBuffer {
    var buffer = bytes(update)
    buffer.reserveCapacity(minimumWritableBytes: states.reduce(0) { $0 + $1.readableBytes + 6 })
    for state in states {
      buffer.writeInteger(UInt8(4 << 3 | 2))  // field 4, length-delimited
      var length = UInt64(state.readableBytes)
      while length >= 0x80 {
        buffer.writeInteger(UInt8(truncatingIfNeeded: length) | 0x80)
        length >>= 7
      }
      buffer.writeInteger(UInt8(length))
      buffer.writeImmutableBuffer(state)
    }
    return buffer
  }

  private func engineInfoWrite() -> RedisCommand {
    RedisCommand(
      "HSET", keys.engineInfo, "version", engine.version, "started_at", String(engine.startedAt.seconds))
  }

  static func bytes(_ message: some SwiftProtobuf.Message) -> ByteBuffer {
    // Serialising a fully built message cannot fail (no required fields in proto3).
    ByteBuffer(bytes: (try? message.serializedBytes() as [UInt8]) ?? [])
  }
}
