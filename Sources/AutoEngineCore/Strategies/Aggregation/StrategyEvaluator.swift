/// Runs a fixed set of strategies for one coin and aggregates their signals, reusing one buffer.
///
/// Create one per coin (or per backtest run). `evaluate(_:)` writes every strategy's signal into
/// a buffer allocated at init and returns the aggregate, so in steady state a tick allocates
/// nothing — as long as nobody else holds a copy of `signals` when the next tick is written
/// (copy-on-write would then copy the buffer once).
public struct StrategyEvaluator: Sendable {
  /// The strategies, in the order of `signals`.
  public let strategies: [any Strategy]
  /// How signals are combined.
  public var aggregator: SignalAggregator
  /// The latest signal of each strategy, same order as `strategies` (missing "not evaluated
  /// yet" before the first tick).
  public private(set) var signals: [Signal]
  /// The latest aggregate (`AggregatedSignal.empty` before the first tick).
  public private(set) var latest: AggregatedSignal = .empty
  /// Index into `strategies` by strategy number, −1 when the number is not evaluated.
  private var indexByNumber: [Int]

  /// An evaluator for `strategies` (ids must be unique), by default the whole catalogue.
  public init(strategies: [any Strategy] = StrategyCatalogue.all, aggregator: SignalAggregator = SignalAggregator()) {
    self.strategies = strategies
    self.aggregator = aggregator
    signals = strategies.map { Signal.missing($0.id, "not evaluated yet") }
    indexByNumber = Array(repeating: -1, count: StrategyID.validNumbers.upperBound + 1)
    for (index, strategy) in strategies.enumerated() {
      precondition(indexByNumber[strategy.id.number] < 0, "strategy \(strategy.id) appears twice")
      indexByNumber[strategy.id.number] = index
    }
  }

  /// An evaluator for the catalogue strategies with the given ids (a backtest subset).
  public init(ids: some Sequence<StrategyID>, aggregator: SignalAggregator = SignalAggregator()) {
    let wanted = Set(ids)
    self.init(strategies: StrategyCatalogue.all.filter { wanted.contains($0.id) }, aggregator: aggregator)
  }

  /// An evaluator for the catalogue strategies of the given categories.
  public init(categories: some Sequence<StrategyCategory>, aggregator: SignalAggregator = SignalAggregator()) {
    let wanted = Set(categories)
    self.init(strategies: StrategyCatalogue.all.filter { wanted.contains($0.category) }, aggregator: aggregator)
  }

  /// Evaluates every strategy on `context`, stores the signals and returns their aggregate.
  public mutating func evaluate(_ context: StrategyContext) -> AggregatedSignal {
    let strategies = strategies  // a local copy, so the closure below does not read `self` while it is written
    signals.withUnsafeMutableBufferPointer { signals in  // one uniqueness check per tick
      for index in strategies.indices {
        signals[index] = strategies[index].evaluate(context)
      }
    }
    latest = aggregator.aggregate(signals)
    return latest
  }

  /// The strategy with `id`, if this evaluator runs it.
  public func strategy(_ id: StrategyID) -> (any Strategy)? {
    let index = indexByNumber[id.number]
    return index >= 0 ? strategies[index] : nil
  }

  /// The latest signal of strategy `id`, if this evaluator runs it.
  public func signal(_ id: StrategyID) -> Signal? {
    let index = indexByNumber[id.number]
    return index >= 0 ? signals[index] : nil
  }

  /// The human reason for the latest signal of strategy `id` (formatted now, not on the hot path).
  public func reason(_ id: StrategyID) -> String? {
    let index = indexByNumber[id.number]
    return index >= 0 ? strategies[index].reason(for: signals[index]) : nil
  }
}
