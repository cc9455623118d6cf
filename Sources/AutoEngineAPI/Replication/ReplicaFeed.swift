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
/// with the same snapshot + sequence semantics) serve the engine's live market.
///
/// Order of start-up: subscribe to the ticks channel first, then read the coin-state hash into
/// the cache, so that no tick falls between the snapshot and the stream. After a reconnection
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
  }

  /// Ticks applied and ticks found missing (sequence gaps) since start.
  public var applied: (ticks: UInt64, gaps: UInt64) { counters.value }

  /// Subscribes and loads the snapshot; throws when Redis cannot be reached (an API replica
  /// has nothing to serve without it).
  public func start() async throws(RedisError) {
    try await subscriber.subscribe(channels: [keys.ticksChannel])
    try await loadSnapshot()
  }

  public func run() async throws {
    try await withGracefulShutdownHandler {
      var lastSequence: UInt64 = 0
      for await event in subscriber.events {
        switch event {
        case .message(_, _, let payload):
          guard let update = try? Autoengine_V1_CoinStateUpdate(serializedBytes: Array(buffer: payload)) else {
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
          await apply(update.states, tickTime: UnixTime(update.tickTime))
          if update.hasSentAt {
            hopLatency.record(max(0, Date().timeIntervalSince1970 - update.sentAt.timeIntervalSince1970))
          }
        case .resubscribed:
          logger.notice("redis: subscription restored; reloading the coin-state snapshot")
          lastSequence = 0
          try? await loadSnapshot()
        }
      }
    } onGracefulShutdown: {
      self.subscriber.close()
    }
  }

  /// Reads every coin's latest state from the hash and applies it as one tick.
  func loadSnapshot() async throws(RedisError) {
    let fields = try await client.hgetall(keys.coinStates)
    let states = engine.catalogue.coins.compactMap { coin -> CoinState? in
      guard let bytes = fields[coin.symbol],
        let message = try? Autoengine_V1_CoinState(serializedBytes: Array(buffer: bytes))
      else { return nil }
      return CoinState(contract: message, catalogue: engine.catalogue)
    }
    let newest = states.compactMap(\.priceUpdatedAt).max() ?? engine.clock.now()
    await apply(states, tickTime: newest)
    logger.info("redis: coin-state snapshot loaded", metadata: ["coins": "\(states.count)"])
  }

  private func apply(_ messages: [Autoengine_V1_CoinState], tickTime: UnixTime) async {
    var lunar = LunarStates()
    let states = messages.compactMap { CoinState(contract: $0, catalogue: engine.catalogue, lunar: &lunar) }
    await apply(states, tickTime: tickTime)
  }

  private func apply(_ states: [CoinState], tickTime: UnixTime) async {
    guard !states.isEmpty else { return }
    // Cache first: a stream that subscribes now takes its snapshot from it and then sees the
    // hub's next batch, so no tick is missed or seen twice out of order.
    await engine.cache.replace(with: states)
    engine.coinStates.publish(states, tickTime: tickTime)
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
