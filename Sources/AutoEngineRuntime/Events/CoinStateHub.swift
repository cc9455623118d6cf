public import AutoEngineCore
import Synchronization

/// One delivery to a coin-state subscriber: the coins that changed, newest state of each.
public struct CoinStateBatch: Sendable {
  /// The changed coins, in publication order (newest state of each).
  public var states: [CoinState]
  /// Time of the engine tick that produced the newest of these states.
  public var tickTime: UnixTime
  /// Updates replaced by newer ones before this subscriber read them, since its previous batch.
  public var conflated: UInt64
  /// The published tick this batch is exactly (same states, same order, nothing conflated for
  /// this subscriber; `conflated` is the tick's own upstream count), so a transport may send
  /// every such subscriber the tick's one shared encoding; nil when the batch is this
  /// subscriber's own (a filter left coins out, or ticks were conflated).
  public var tick: PublishedTick?

  /// A batch of `states` from the tick at `tickTime`.
  public init(states: [CoinState], tickTime: UnixTime, conflated: UInt64 = 0, tick: PublishedTick? = nil) {
    self.states = states
    self.tickTime = tickTime
    self.conflated = conflated
    self.tick = tick
  }
}

/// Fans coin-state changes out to any number of subscribers without ever blocking the engine.
///
/// Each subscriber holds at most one pending state per coin: a state published while an older
/// one of the same coin is still undelivered replaces it (and is counted as conflated). So a slow
/// subscriber costs bounded memory (one state per coin) and never slows the publisher or the
/// other subscribers; one that keeps up receives one batch per engine tick.
public final class CoinStateHub: Sendable {
  private struct Registry {
    var nextID: UInt64 = 1
    var subscriptions: [UInt64: CoinStateSubscription] = [:]
  }

  private let registry = Mutex(Registry())
  private let totals = Mutex((published: UInt64(0), conflated: UInt64(0)))

  /// Creates a hub with no subscribers.
  public init() {}

  /// Adds a subscriber to the coins `filter` selects.
  public func subscribe(_ filter: CoinFilter = .all) -> CoinStateSubscription {
    registry.withLock { registry in
      let id = registry.nextID
      registry.nextID += 1
      let subscription = CoinStateSubscription(id: id, filter: filter, hub: self)
      registry.subscriptions[id] = subscription
      return subscription
    }
  }

  /// Publishes the states that changed in one engine tick to every subscriber; `conflated`
  /// counts updates an upstream replaced before this tick reached the hub (an API replica
  /// passes on the engine's), which every subscriber's batch then reports; `encodings` are the
  /// tick's transport encodings already made (`PublishedTick.sharedEncoding` names), which
  /// subscribers then send instead of encoding the states.
  public func publish(
    _ states: [CoinState], tickTime: UnixTime, conflated upstream: UInt64 = 0,
    encodings: [String: any Sendable] = [:]
  ) {
    guard !states.isEmpty else { return }
    let subscribers = registry.withLock { Array($0.subscriptions.values) }
    let tick = PublishedTick(states: states, tickTime: tickTime, conflated: upstream, encodings: encodings)
    var conflated: UInt64 = 0
    for subscriber in subscribers { conflated += subscriber.offer(tick) }
    totals.withLock {
      $0.published += UInt64(states.count)
      $0.conflated += conflated
    }
  }

  /// Number of open subscriptions.
  public var subscriberCount: Int { registry.withLock { $0.subscriptions.count } }

  /// States published since start, and updates conflated for slow subscribers since start.
  public var counters: (published: UInt64, conflated: UInt64) { totals.withLock { $0 } }

  /// Ends every subscription (server shutdown).
  public func finishAll() {
    let all = registry.withLock { registry in
      defer { registry.subscriptions.removeAll() }
      return Array(registry.subscriptions.values)
    }
    for subscription in all { subscription.finish() }
  }

  func remove(_ id: UInt64) {
    _ = registry.withLock { $0.subscriptions.removeValue(forKey: id) }
  }
}
