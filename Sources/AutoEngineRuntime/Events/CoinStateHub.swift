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
  /// The published tick this batch is exactly (same states, same order, nothing conflated), so
  /// a transport may send every such subscriber the tick's one shared encoding; nil when the
  /// batch is this subscriber's own (a filter left coins out, or ticks were conflated).
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

  /// Publishes the states that changed in one engine tick to every subscriber.
  public func publish(_ states: [CoinState], tickTime: UnixTime) {
    guard !states.isEmpty else { return }
    let subscribers = registry.withLock { Array($0.subscriptions.values) }
    let tick = PublishedTick(states: states, tickTime: tickTime)
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

/// What a subscriber receives: a batch of changed states, or a heartbeat when nothing changed.
public enum CoinStateDelivery: Sendable {
  /// Coins that changed.
  case batch(CoinStateBatch)
  /// Nothing changed for the heartbeat interval.
  case heartbeat
}

/// A subscriber's bounded, conflating queue of coin states.
///
/// One reader at a time: `next` must not be called again before the previous call returned.
public final class CoinStateSubscription: Sendable {
  private struct State {
    var pending: [String: CoinState] = [:]
    var order: [String] = []
    var tickTime = UnixTime(seconds: 0)
    var conflated: UInt64 = 0
    /// A whole tick waiting to be read, when it is all that is pending (then `pending` and
    /// `order` are empty and `conflated` is 0).
    var tick: PublishedTick?
    var finished = false
    var waiter: CheckedContinuation<CoinStateDelivery?, Never>?
    var waiterToken: UInt64 = 0
  }

  /// Identifier of the subscription within its hub.
  public let id: UInt64
  /// The coins it selects.
  public let filter: CoinFilter
  private weak let hub: CoinStateHub?
  private let state = Mutex(State())

  init(id: UInt64, filter: CoinFilter, hub: CoinStateHub) {
    self.id = id
    self.filter = filter
    self.hub = hub
  }

  /// Waits for the next batch; nil once the subscription is cancelled or the hub finished.
  public func next() async -> CoinStateBatch? {
    while let delivery = await next(orHeartbeatAfter: nil) {
      if case .batch(let batch) = delivery { return batch }
    }
    return nil
  }

  /// Waits for the next batch, or returns `.heartbeat` when none arrived within `seconds`
  /// (nil: wait indefinitely); nil once the subscription is cancelled or the hub finished.
  public func next(orHeartbeatAfter seconds: Double?) async -> CoinStateDelivery? {
    var timer: Task<Void, Never>?
    let delivery = await withCheckedContinuation { (continuation: CheckedContinuation<CoinStateDelivery?, Never>) in
      let (ready, token): (CoinStateDelivery??, UInt64) = state.withLock { state in
        if let batch = Self.take(&state) { return (.some(.batch(batch)), 0) }
        if state.finished { return (.some(nil), 0) }
        state.waiter = continuation
        state.waiterToken &+= 1
        return (nil, state.waiterToken)
      }
      if let ready {
        continuation.resume(returning: ready)
      } else if let seconds {
        timer = Task { [weak self] in
          try? await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
          guard !Task.isCancelled else { return }
          self?.fireHeartbeat(token: token)
        }
      }
    }
    timer?.cancel()
    return delivery
  }

  /// Ends the subscription: a waiting `next` returns nil, and the hub forgets it.
  public func cancel() {
    hub?.remove(id)
    finish()
  }

  /// Queues the states of `tick` the filter selects; returns how many pending ones they replaced.
  ///
  /// A subscriber with nothing pending that selects the whole tick (the common case) just keeps
  /// a reference to it: no per-coin work, and the tick's shared encoding can be sent as is. Only
  /// when a further tick arrives before it read is the queue built coin by coin (conflation).
  func offer(_ tick: PublishedTick) -> UInt64 {
    let selectsAll = filter == .all || tick.states.allSatisfy { filter.matches($0.coin) }
    let (waiter, batch, replaced): (CheckedContinuation<CoinStateDelivery?, Never>?, CoinStateBatch?, UInt64) =
      state.withLock { state in
        guard !state.finished else { return (nil, nil, 0) }
        var replaced: UInt64 = 0
        if selectsAll && tick.hasDistinctSymbols && state.tick == nil && state.order.isEmpty {
          state.tick = tick
          state.tickTime = tick.tickTime
        } else {
          if let held = state.tick {
            // A second tick before the first was read: the first becomes the start of the queue.
            state.tick = nil
            Self.enqueue(held.states, into: &state, where: { _ in true })
          }
          let (added, replacedNow) = Self.enqueue(tick.states, into: &state, where: filter.matches)
          guard added > 0 else { return (nil, nil, 0) }
          replaced = replacedNow
          state.tickTime = tick.tickTime
          state.conflated += replaced
        }
        guard let waiter = state.waiter, let batch = Self.take(&state) else { return (nil, nil, replaced) }
        state.waiter = nil
        return (waiter, batch, replaced)
      }
    if let waiter, let batch { waiter.resume(returning: .batch(batch)) }
    return replaced
  }

  /// Adds the `states` that `selects` to the queue, newest per coin; returns how many it added
  /// and how many of those replaced a pending state.
  @discardableResult
  private static func enqueue(
    _ states: [CoinState], into state: inout State, where selects: (Coin) -> Bool
  ) -> (added: Int, replaced: UInt64) {
    var added = 0
    var replaced: UInt64 = 0
    for coinState in states where selects(coinState.coin) {
      added += 1
      let symbol = coinState.coin.symbol
      if state.pending.updateValue(coinState, forKey: symbol) != nil {
        replaced += 1
      } else {
        state.order.append(symbol)
      }
    }
    return (added, replaced)
  }

  func finish() {
    let waiter = state.withLock { state -> CheckedContinuation<CoinStateDelivery?, Never>? in
      state.finished = true
      state.tick = nil
      state.pending.removeAll()
      state.order.removeAll()
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume(returning: nil)
  }

  private func fireHeartbeat(token: UInt64) {
    let waiter = state.withLock { state -> CheckedContinuation<CoinStateDelivery?, Never>? in
      guard state.waiterToken == token, let waiter = state.waiter else { return nil }
      state.waiter = nil
      return waiter
    }
    waiter?.resume(returning: .heartbeat)
  }

  private static func take(_ state: inout State) -> CoinStateBatch? {
    if let tick = state.tick {
      state.tick = nil
      return CoinStateBatch(states: tick.states, tickTime: tick.tickTime, conflated: 0, tick: tick)
    }
    guard !state.order.isEmpty else { return nil }
    let batch = CoinStateBatch(
      states: state.order.compactMap { state.pending[$0] }, tickTime: state.tickTime, conflated: state.conflated)
    state.pending.removeAll(keepingCapacity: true)
    state.order.removeAll(keepingCapacity: true)
    state.conflated = 0
    return batch
  }
}
