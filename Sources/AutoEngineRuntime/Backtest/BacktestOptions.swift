public import AutoEngineCore

/// How a backtest runs: the configuration whose rules it applies, the strategies, the period
/// and the parallelism.
public struct BacktestOptions: Sendable {
  /// Thresholds, risk limits, fees, slippage and starting balance (`strategy.*`, `risk.*`,
  /// `trading.paper_*`), as the live engine reads them.
  public var configuration: EngineConfiguration
  /// The strategies and aggregation each coin runs (copied per coin).
  public var strategies: StrategyEvaluator
  /// Candles closing before this only warm the indicators up; nothing trades before it.
  public var from: UnixTime?
  /// Whether phase 1 (strategy evaluation) runs on every core; the report is the same either way.
  public var parallel: Bool
  /// Whether every order, fill and decision is written to an in-memory trade journal (checked
  /// against the positions at the end).
  public var journal: Bool
  /// Length of the windows the candles are processed in, seconds (memory stays bounded by it).
  public var windowSeconds: Double
  /// Spacing of the equity curve's points, seconds.
  public var equitySampleSeconds: Double

  /// Options with the configuration's rules and its aggregation over `strategies` (all 70 when nil).
  public init(
    configuration: EngineConfiguration, strategies: [any Strategy]? = nil, from: UnixTime? = nil,
    parallel: Bool = true, journal: Bool = true, windowSeconds: Double = 86_400, equitySampleSeconds: Double = 3_600
  ) {
    self.configuration = configuration
    let aggregator = SignalAggregator(settings: configuration.strategy.aggregation)
    self.strategies =
      strategies.map { StrategyEvaluator(strategies: $0, aggregator: aggregator) }
      ?? StrategyEvaluator(aggregator: aggregator)
    self.from = from
    self.parallel = parallel
    self.journal = journal
    self.windowSeconds = windowSeconds
    self.equitySampleSeconds = equitySampleSeconds
  }
}
