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
/// Per tick, two pipelined writes: the board (when changed: `SET`, `PUBLISH`), `HSET` of the
/// changed states and `PUBLISH` of the tick first; then the evaluated coins' signals (`HSET`,
/// `PUBLISH`), the key expiry and the cache store's writes — so a replica holds a tick's board
/// before its states, and its signals right after.
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

  /// Publishes every batch of `subscription` until it ends.
  ///
  /// Runs on the Redis connection's event loop (`RedisClient.taskExecutor`): the hub's wake-up
  /// resumes it there, and the tick's pipelined write goes out from that thread at once instead
  /// of being handed to the loop — one wait for a free core fewer per tick on the Redis hop.
  private func publishTicks(_ subscription: CoinStateSubscription) async {
    await withTaskExecutorPreference(client.taskExecutor) {
      var sequence: UInt64 = 0
      var written = Written()
      while let batch = await subscription.next() {
        sequence += 1
        await publish(batch, sequence: sequence, written: &written)
      }
    }
  }

  /// What the publisher wrote last, so a tick rewrites only what changed.
  private struct Written {
    /// Whether the next tick rewrites every coin (at start, and after a failed write).
    var needsSnapshot = true
    /// Ticks whose writes failed in a row.
    var failures = 0
    /// Per symbol, the evaluation time of the signals last written.
    var evaluatedAt: [String: UnixTime] = [:]
    /// The trading board's generation last written.
    var board: UInt64?
  }

  /// One tick, in two pipelined writes. First what a replica waits for — the board when it
  /// changed (`SET`, `PUBLISH`), `HSET` of the states, `PUBLISH` of the tick — so the tick leaves
  /// as soon as its states are encoded. Then the evaluated coins' signals (`HSET`, `PUBLISH`: a
  /// replica holds them right after the tick), the keys' expiry and the cache store's writes;
  /// formatting the signals' reasons (70 strategies per evaluated coin, all 40 coins when their
  /// one-minute candles close together) took milliseconds ahead of the tick before.
  private func publish(_ batch: CoinStateBatch, sequence: UInt64, written: inout Written) async {
    var commands: [RedisCommand] = []
    let board = engine.tradingBoard.map { ($0.generation, $0.all) }
    if let (generation, all) = board, written.needsSnapshot || generation != written.board {
      let text = TradingBoardText.encode(all)
      commands.append(RedisCommand("SET", keys.tradingBoard, text, "EX", String(keyTTL)))
      commands.append(RedisCommand("PUBLISH", keys.tradingBoardChannel, text))
    }
    // After a failed write (and at start) the tick carries every coin's newest state, so the
    // hash is whole again and a replica that stayed subscribed catches up on the coins that
    // changed only in the ticks it missed.
    let snapshot = written.needsSnapshot
    let published = snapshot ? await engine.cache.statesUncounted() : batch.states
    if snapshot { commands.append(engineInfoWrite()) }
    // The tick's message goes right after its states are in the hash (a replica that loads
    // the hash and then reads the channel misses nothing); it carries each state's bytes as
    // encoded for the hash, and the time it leaves for Redis.
    let tick = encodedTick(batch, states: published, sequence: sequence, whole: !snapshot)
    commands.append(hashWrite(keys.coinStates, tick.states))
    commands.append(RedisCommand("PUBLISH", bytes: [ByteBuffer(string: keys.ticksChannel), tick.message]))
    do {
      // Written now; its replies are collected after the second write is on its way.
      let tickWritten = try await client.enqueue(commands)
      // Every coin's signals after a snapshot: Redis may have lost the hash (restarted
      // without persistence).
      let evaluated =
        snapshot
        ? published.filter { $0.indicatorsUpdatedAt != nil }
        : batch.states.filter {
          $0.indicatorsUpdatedAt != nil && written.evaluatedAt[$0.coin.symbol] != $0.indicatorsUpdatedAt
        }
      // Off the Redis loop: the reasons' formatting would hold up its I/O.
      let (signals, candles) = await withTaskExecutorPreference(globalConcurrentExecutor) {
        var signals: [Autoengine_V1_CoinSignals] = []
        for state in evaluated {
          if let coin = await engine.cache.signals(of: state.coin.symbol) { signals.append(.init(coin)) }
        }
        return (signals, store == nil ? [:] : await engine.cache.takeEvaluatedCandles())
      }
      let followUpWritten = try await client.enqueue(
        followUp(signals, asOf: .init(batch.tickTime), batch: batch, candles: candles))
      for reply in try await tickWritten.replies() + followUpWritten.replies() { _ = try reply.get() }
      if written.failures > 0 {
        logger.notice("redis publishing resumed", metadata: ["failed_ticks": "\(written.failures)"])
      }
      written.needsSnapshot = false
      written.failures = 0
      written.board = board?.0
      for state in evaluated { written.evaluatedAt[state.coin.symbol] = state.indicatorsUpdatedAt }
    } catch {
      // The next successful write rewrites every coin, so the hash is whole again.
      written.needsSnapshot = true
      written.failures += 1
      if written.failures == 1 || written.failures.isMultiple(of: 60) {
        logger.warning(
          "redis publish of a tick failed; replicas miss it (retrying with the next tick)",
          metadata: ["error": "\(error)", "failed_ticks": "\(written.failures)"])
      }
    }
  }

  /// The tick's second write: the evaluated coins' `signals` (hash and channel), every key's
  /// expiry, and the cache store's price samples and `candles` of `batch`.
  private func followUp(
    _ signals: [Autoengine_V1_CoinSignals], asOf: Google_Protobuf_Timestamp, batch: CoinStateBatch,
    candles: [String: [Candle]]
  ) -> [RedisCommand] {
    var commands: [RedisCommand] = []
    if !signals.isEmpty {
      commands.append(hashWrite(keys.signals, signals.map { ($0.symbol, Self.bytes($0)) }))
      let message = Autoengine_V1_ListSignalsResponse.with {
        $0.coins = signals
        $0.asOf = asOf
      }
      commands.append(RedisCommand("PUBLISH", bytes: [ByteBuffer(string: keys.signalsChannel), Self.bytes(message)]))
    }
    // Every key's expiry is renewed each tick: the board and the signals may not change for
    // longer than the TTL, and must not expire while the engine runs.
    for key in [keys.coinStates, keys.tradingBoard, keys.signals] {
      commands.append(RedisCommand("EXPIRE", key, String(keyTTL)))
    }
    if let store { commands += store.commands(states: batch.states, candles: candles) }
    return commands
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

  /// The tick's states as the hash keeps them (symbol → encoded `CoinState`, trading block
  /// included: what `engine.contract` maps) and its `CoinStateUpdate` message, sent now.
  ///
  /// When `whole` and the batch is the engine's tick as published (the usual case), the
  /// states' bytes are the tick's shared stream encoding (`CoinStateUpdateWire.shared`), made
  /// once for this publisher and every engine subscriber: the message is then byte for byte
  /// what an engine stream sends (sequence and send time aside), each hash entry a slice of it,
  /// and a replica can send them on as they are. Otherwise — `states` is the snapshot after a
  /// failed write, or ticks were conflated — they are encoded here, each once.
  private func encodedTick(
    _ batch: CoinStateBatch, states: [CoinState], sequence: UInt64, whole: Bool
  ) -> (states: [(symbol: String, bytes: ByteBuffer)], message: ByteBuffer) {
    // Sent at: stamped once the states are encoded, as they leave for Redis.
    let now = { Google_Protobuf_Timestamp(UnixTime(seconds: Date().timeIntervalSince1970)) }
    if whole, let tick = batch.tick, let shared = try? CoinStateUpdateWire.shared(tick, engine: engine),
      let found = ProtobufFieldRanges(field: 4, in: shared), found.occurrences.count == tick.states.count
    {
      // Fields 1, then 4–6 as the engine's streams send them, then 7: number order.
      var message = Self.bytes(Autoengine_V1_CoinStateUpdate.with { $0.sequence = sequence })
      let offset = message.readableBytes
      message.writeBytes(shared)
      var tail = Self.bytes(Autoengine_V1_CoinStateUpdate.with { $0.sentAt = now() })
      message.writeBuffer(&tail)
      let entries = zip(tick.states, found.occurrences).map { state, occurrence in
        (
          state.coin.symbol,
          message.getSlice(at: offset + occurrence.payload.lowerBound, length: occurrence.payload.count) ?? ByteBuffer()
        )
      }
      return (entries, message)
    }
    let entries = states.map { ($0.coin.symbol, Self.bytes(engine.contract($0))) }
    let update = Autoengine_V1_CoinStateUpdate.with { update in
      update.sequence = sequence
      update.tickTime = .init(batch.tickTime)
      update.conflated = batch.conflated
      update.sentAt = now()
    }
    return (entries, Self.updateBytes(update, states: entries.map(\.1)))
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
