/// One coin's decision pipeline, fed one candle at a time: indicators → strategies → aggregate.
///
/// This is the hot path shared by the live engine and the backtester. `update` costs O(1) in
/// the candle count and allocates nothing in steady state: the indicator buffers and the signal
/// buffer are created once here, and reasons are formatted only when asked for (`reason(_:)`).
public struct CoinEvaluator: Sendable {
  /// The incremental indicators.
  public private(set) var indicators: IndicatorSet
  /// The strategies, their latest signals and the aggregator.
  public private(set) var strategies: StrategyEvaluator
  /// The latest accepted candle; `nil` before the first.
  public private(set) var latestCandle: Candle?
  /// The aggregate of the latest evaluation (`.empty` before the first candle).
  public var aggregate: AggregatedSignal { strategies.latest }

  /// Creates an evaluator.
  ///
  /// - Parameters:
  ///   - strategies: the strategies to run and how to aggregate them (all 70 by default).
  ///   - pivotPeriod: candles per block for the pivot levels.
  ///   - historyCapacity: closes kept for the per-timeframe momentum (721 covers 1 h at 5 s).
  public init(strategies: StrategyEvaluator = StrategyEvaluator(), pivotPeriod: Int = 60, historyCapacity: Int = 721) {
    self.indicators = IndicatorSet(pivotPeriod: pivotPeriod, historyCapacity: historyCapacity)
    self.strategies = strategies
  }

  /// Feeds one candle and evaluates every strategy on it.
  ///
  /// - Parameters:
  ///   - candle: the next bar; it must be well formed and later than the previous one.
  ///   - cosmic: the cosmic inputs at the candle's time (absent parts stay absent).
  ///   - now: the evaluation time (the candle's time in a backtest, the wall clock live).
  /// - Returns: the aggregated signal.
  /// - Throws: `IndicatorSet.Rejection` for a malformed or out-of-order candle; nothing changes then.
  @discardableResult
  public mutating func update(_ candle: Candle, cosmic: CosmicReadings = .none, now: UnixTime? = nil)
    throws(IndicatorSet.Rejection) -> AggregatedSignal
  {
    try indicators.update(candle)
    let context = StrategyContext(
      snapshot: indicators.snapshot, previous: indicators.previous, candle: candle,
      previousCandle: latestCandle, cosmic: cosmic, now: now ?? candle.time)
    latestCandle = candle
    return strategies.evaluate(context)
  }

  /// The human-readable reason of a strategy's latest signal, e.g. "RSI 27.4 < 30"; formatted on demand.
  public func reason(_ id: StrategyID) -> String? { strategies.reason(id) }
}
