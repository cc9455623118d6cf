import AutoEngineCore
public import AutoEngineRedis
public import AutoEngineRuntime
import Foundation
public import Logging
import NIOCore
public import ServiceLifecycle
import SwiftProtobuf
import Synchronization

/// The API-replica side of the fan-out: feeds the engine's coin states, received from Redis,
/// into this process's cache and `CoinStateHub`, so its gRPC and REST API (streams included,
/// with the same snapshot + sequence semantics) serve the engine's live market; and the
/// engine's per-strategy signals and trading board, so GetSignals and each coin state's trading
/// block answer as the engine's do.
///
/// Order of start-up: subscribe to the channels first, then read the hashes into the cache, so
/// that no tick falls between the snapshot and the stream. After a reconnection
/// (`.resubscribed`) the hash is read again: ticks published while disconnected are lost by
/// Redis pub/sub, and the hash holds their result. Ticks are applied in the order Redis
/// delivers them, which is the order the engine published them.
public final class ReplicaFeed: Service {
  private let engine: Engine
  private let subscriber: RedisSubscriber
  private let client: RedisClient
  private let keys: ReplicationKeys
  private let logger: Logger
  private let counters = ReplicaFeedCounters()
  /// The engine's trading board as last received (the replica engine's `tradingBoard`).
  private let board: CoinTradingBoard?
  /// Per tick: seconds from the engine handing the message to Redis (`sent_at`) to its states
  /// being in this replica's cache and hub (the Redis hop, decoding included).
  public let hopLatency = LatencyRecorder(capacity: 65_536)

  /// Creates a feed into `engine` (an engine without fetchers or desk).
  public init(
    engine: Engine, subscriber: RedisSubscriber, client: RedisClient, keys: ReplicationKeys, logger: Logger
  ) {
    self.engine = engine
    self.subscriber = subscriber
    self.client = client
    self.keys = keys
    self.logger = logger
    board = engine.tradingBoard
  }

  /// Ticks applied and ticks found missing (sequence gaps) since start.
  public var applied: (ticks: UInt64, gaps: UInt64) { counters.value }

  /// Subscribes and loads the snapshot; throws when Redis cannot be reached (an API replica
  /// has nothing to serve without it).
  public func start() async throws(RedisError) {
    try await subscriber.subscribe(channels: [keys.ticksChannel, keys.signalsChannel, keys.tradingBoardChannel])
    try await loadSnapshot()
  }

  /// Applies what arrives until the subscriber closes.
  ///
  /// Runs on the subscriber's event loop (`RedisSubscriber.taskExecutor`): the read that decoded
  /// a tick resumes this loop on the same thread, and the states are decoded, cached (the cache
  /// actor's work follows the task's preference) and published to the hub without waiting for
  /// another thread to be scheduled; only the streams' own tasks run elsewhere.
  public func run() async throws {
    try await withGracefulShutdownHandler {
      await withTaskExecutorPreference(subscriber.taskExecutor) { await consume() }
    } onGracefulShutdown: {
      self.subscriber.close()
    }
  }

  private func consume() async {
    var lastSequence: UInt64 = 0
    for await event in subscriber.events {
      switch event {
      case .message(keys.signalsChannel, _, let payload):
        // Off the loop: up to 40 coins × 70 strategies to decode, which would hold up its I/O.
        await withTaskExecutorPreference(globalConcurrentExecutor) {
          guard let message = try? Autoengine_V1_ListSignalsResponse(serializedBytes: Array(buffer: payload)) else {
            logger.warning("redis: a signals message is not a ListSignalsResponse; ignored")
            return
          }
          await applySignals(message.coins)
        }
      case .message(keys.tradingBoardChannel, _, let payload):
        board?.replace(TradingBoardText.decode(String(buffer: payload)))
      case .message(_, _, let payload):
        let bytes = Array(buffer: payload)
        guard let update = try? Autoengine_V1_CoinStateUpdate(serializedBytes: bytes) else {
          logger.warning("redis: a tick message is not a CoinStateUpdate; ignored")
          continue
        }
        if lastSequence != 0 && update.sequence != lastSequence + 1 && update.sequence > lastSequence {
          counters.gap()
          logger.notice(
            "redis: ticks \(lastSequence + 1)…\(update.sequence - 1) were not received; states catch up with the next ones"
          )
        }
        lastSequence = update.sequence
        await apply(update, encoded: bytes)
        if update.hasSentAt {
          hopLatency.record(max(0, Date().timeIntervalSince1970 - update.sentAt.timeIntervalSince1970))
        }
      case .resubscribed:
        logger.notice("redis: subscription restored; reloading the coin-state snapshot")
        lastSequence = 0
        try? await loadSnapshot()
      }
    }
  }

  /// Reads the trading board, every coin's signals and latest state from Redis (one round
  /// trip) and applies them, the states as one tick.
  func loadSnapshot() async throws(RedisError) {
    let commands = [
      RedisCommand("GET", keys.tradingBoard), RedisCommand("HGETALL", keys.signals),
      RedisCommand("HGETALL", keys.coinStates),
    ]
    var replies: [RESPValue] = []
    for reply in try await client.pipeline(commands) { replies.append(try reply.get()) }
    if let text = replies[0].string { board?.replace(TradingBoardText.decode(text)) }
    await applySignals(
      replies[1].hashFields.values.compactMap { try? Autoengine_V1_CoinSignals(serializedBytes: Array(buffer: $0)) })
    let states = CoinState.states(ofHash: replies[2].hashFields, catalogue: engine.catalogue)
    let newest = states.compactMap(\.priceUpdatedAt).max() ?? engine.clock.now()
    await apply(states, tickTime: newest)
    logger.info("redis: coin-state snapshot loaded", metadata: ["coins": "\(states.count)"])
  }

  /// Stores the engine's per-strategy signals of each coin.
  private func applySignals(_ coins: [Autoengine_V1_CoinSignals]) async {
    for coin in coins {
      await engine.cache.replaceSignals(of: coin.symbol, with: Signal.replica(of: coin))
    }
  }

  /// Applies one tick `update` (received as `encoded`).
  ///
  /// Its `conflated` count (updates the engine's publisher replaced before this tick, while
  /// Redis was slow) is passed on, so the replica's subscribers see them as the engine's would.
  /// The states' bytes are the engine's own stream encoding of them (`ReplicaPublisher`), trading
  /// blocks included, so the hub's tick is given them as its shared protobuf encoding: this
  /// replica's `WatchCoinStates` subscribers are sent the engine's bytes instead of the states
  /// mapped and encoded again.
  private func apply(_ update: Autoengine_V1_CoinStateUpdate, encoded bytes: [UInt8]) async {
    var lunar = LunarStates()
    let states = update.states.compactMap { CoinState(contract: $0, catalogue: engine.catalogue, lunar: &lunar) }
    let tickTime = UnixTime(update.tickTime)
    var encodings: [String: any Sendable] = [:]
    if states.count == update.states.count,
      let shared = Self.sharedFields(of: bytes, conflated: update.conflated, tickTime: tickTime)
    {
      encodings[CoinStateUpdateWire.format] = shared
    }
    await apply(states, tickTime: tickTime, conflated: update.conflated, encodings: encodings)
  }

  /// A tick's shared stream encoding (`CoinStateUpdateWire.shared`: fields 4, 5, 6) from the
  /// engine's message `bytes`: its `states` entries as they are, then `conflated` and
  /// `tickTime` encoded as this replica's streams would; nil when `bytes` are not protobuf.
  static func sharedFields(of bytes: [UInt8], conflated: UInt64, tickTime: UnixTime) -> [UInt8]? {
    guard let found = ProtobufFieldRanges(field: 4, in: bytes),
      let tail = try? CoinStateUpdateWire.fields(states: [], conflated: conflated, tickTime: tickTime)
    else { return nil }
    var shared: [UInt8] = []
    shared.reserveCapacity(found.occurrences.reduce(tail.count) { $0 + $1.field.count })
    for occurrence in found.occurrences { shared += bytes[occurrence.field] }
    shared += tail
    return shared
  }

  private func apply(
    _ states: [CoinState], tickTime: UnixTime, conflated: UInt64 = 0, encodings: [String: any Sendable] = [:]
  ) async {
    guard !states.isEmpty else { return }
    // Cache first: a stream that subscribes now takes its snapshot from it and then sees the
    // hub's next batch, so no tick is missed or seen twice out of order.
    await engine.cache.replace(with: states)
    engine.coinStates.publish(states, tickTime: tickTime, conflated: conflated, encodings: encodings)
    counters.tick()
  }
}

/// Counters of a replica feed. Thread-safe.
final class ReplicaFeedCounters: Sendable {
  private let state = Mutex((ticks: UInt64(0), gaps: UInt64(0)))
  var value: (ticks: UInt64, gaps: UInt64) { state.withLock { $0 } }
  func tick() { state.withLock { $0.ticks += 1 } }
  func gap() { state.withLock { $0.gaps += 1 } }
}
