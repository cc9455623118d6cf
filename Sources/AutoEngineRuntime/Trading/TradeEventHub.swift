import Synchronization

/// Fan-out of trade events to `WatchTradeEvents` subscribers.
///
/// Unlike coin states, trade events are never conflated: each subscriber's stream buffers up to
/// `bufferLimit` events and, if a reader falls that far behind, drops the oldest and counts them
/// (`dropped`). Thread-safe (a `Mutex`), so cancellation handlers may unsubscribe from any thread.
public final class TradeEventHub: Sendable {
  /// A subscriber's filter: symbols (empty: all) and whether refused decisions are wanted.
  public struct Filter: Hashable, Sendable {
    /// Only these symbols; empty for all.
    public var symbols: Set<String>
    /// Whether refused decisions are delivered.
    public var includeRefused: Bool

    /// Creates a filter.
    public init(symbols: Set<String> = [], includeRefused: Bool = false) {
      self.symbols = symbols
      self.includeRefused = includeRefused
    }

    func accepts(_ event: TradeEvent) -> Bool {
      if event.isRefusal && !includeRefused { return false }
      guard !symbols.isEmpty, let symbol = event.symbol else { return true }
      return symbols.contains(symbol)
    }
  }

  private struct Subscriber {
    var filter: Filter
    var continuation: AsyncStream<TradeEvent>.Continuation
  }

  private struct State {
    var nextID: UInt64 = 1
    var subscribers: [UInt64: Subscriber] = [:]
    var published: UInt64 = 0
    var dropped: UInt64 = 0
  }

  private let state = Mutex(State())
  /// Events buffered per subscriber before the oldest are dropped.
  public let bufferLimit: Int

  /// Creates a hub.
  public init(bufferLimit: Int = 4096) { self.bufferLimit = bufferLimit }

  /// Subscribes; the stream ends at `unsubscribe(_:)`, `finishAll()`, or when the reader stops.
  public func subscribe(_ filter: Filter = Filter()) -> (id: UInt64, events: AsyncStream<TradeEvent>) {
    let (stream, continuation) = AsyncStream.makeStream(
      of: TradeEvent.self, bufferingPolicy: .bufferingNewest(bufferLimit))
    let id = state.withLock { state in
      let id = state.nextID
      state.nextID += 1
      state.subscribers[id] = Subscriber(filter: filter, continuation: continuation)
      return id
    }
    continuation.onTermination = { [weak self] _ in self?.remove(id) }
    return (id, stream)
  }

  /// Ends a subscription; no effect for an unknown id.
  public func unsubscribe(_ id: UInt64) { remove(id)?.continuation.finish() }

  /// Delivers `event` to every subscriber whose filter accepts it.
  public func publish(_ event: TradeEvent) {
    let targets = state.withLock { state in
      state.published += 1
      return state.subscribers.values.filter { $0.filter.accepts(event) }.map(\.continuation)
    }
    var drops: UInt64 = 0
    for continuation in targets {
      if case .dropped = continuation.yield(event) { drops += 1 }
    }
    if drops > 0 { state.withLock { $0.dropped += drops } }
  }

  /// Finishes every stream (at shutdown).
  public func finishAll() {
    let all = state.withLock { state in
      defer { state.subscribers.removeAll() }
      return Array(state.subscribers.values)
    }
    for subscriber in all { subscriber.continuation.finish() }
  }

  /// Number of subscribers.
  public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

  /// Events published, and events dropped from slow subscribers' buffers.
  public var counters: (published: UInt64, dropped: UInt64) { state.withLock { ($0.published, $0.dropped) } }

  @discardableResult
  private func remove(_ id: UInt64) -> Subscriber? {
    state.withLock { $0.subscribers.removeValue(forKey: id) }
  }
}
