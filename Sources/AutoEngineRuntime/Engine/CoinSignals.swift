public import AutoEngineCore

/// Every strategy's latest signal for one coin, with reasons, and their aggregate.
public struct CoinSignals: Sendable {
  /// The coin.
  public var coin: Coin
  /// The aggregate; nil before the first evaluation.
  public var aggregate: AggregatedSignal?
  /// Each strategy's signal and its human-readable reason, in strategy order.
  public var signals: [(signal: Signal, reason: String)]
  /// Reasons of the aggregate's top contributors, by strategy.
  public var reasons: [StrategyID: String]
  /// When the strategies were last evaluated.
  public var evaluatedAt: UnixTime?

  /// Creates the signals of a coin.
  public init(
    coin: Coin, aggregate: AggregatedSignal?, signals: [(signal: Signal, reason: String)],
    reasons: [StrategyID: String], evaluatedAt: UnixTime?
  ) {
    self.coin = coin
    self.aggregate = aggregate
    self.signals = signals
    self.reasons = reasons
    self.evaluatedAt = evaluatedAt
  }
}
