/// Thresholds that turn aggregated signals into trades, and the weights used to aggregate them.
///
/// Confidences and strengths are fractions in 0…1. Defaults are the seed's: minimum confidence
/// 0.7, confidence clamped to 0.95, minimum signal strength 0.6, 300 s cooldown per coin.
public struct StrategySettings: Hashable, Sendable {
  /// `strategy.min_confidence`: smallest aggregated confidence that may trade, 0…1 (default 0.7).
  /// Position sizing starts at the minimum trade amount here.
  public var minConfidence: Double
  /// `strategy.max_confidence`: aggregated confidence is clamped to this, 0…1 and greater than
  /// `minConfidence` (default 0.95). Position sizing reaches the maximum trade amount here.
  public var maxConfidence: Double
  /// `strategy.min_signal_strength`: smallest aggregated strength that may trade, 0…1 (default 0.6).
  public var minSignalStrength: Double
  /// `strategy.cooldown_period`: seconds after a coin's last trade before autobuy may buy it again,
  /// ≥ 0 (default 300).
  public var cooldownPeriod: Double
  /// `strategy.category_weights.*`: relative weight of each strategy category in aggregation.
  public var categoryWeights: CategoryWeights
  /// `strategy.action_threshold`: how far the aggregated score (−1 all SELL … +1 all BUY) must lean
  /// for the aggregate to say BUY or SELL instead of HOLD, 0 < x ≤ 1 (default 0.25).
  public var actionThreshold: Double

  /// Creates strategy settings; every argument defaults to the seed's value.
  public init(
    minConfidence: Double = 0.7, maxConfidence: Double = 0.95, minSignalStrength: Double = 0.6,
    cooldownPeriod: Double = 300, categoryWeights: CategoryWeights = CategoryWeights(), actionThreshold: Double = 0.25
  ) {
    self.minConfidence = minConfidence
    self.maxConfidence = maxConfidence
    self.minSignalStrength = minSignalStrength
    self.cooldownPeriod = cooldownPeriod
    self.categoryWeights = categoryWeights
    self.actionThreshold = actionThreshold
  }

  /// The aggregator's settings for these thresholds: the configured category weights and
  /// `actionThreshold`, and `maxConfidence` as the confidence cap; the evidence quorum keeps its
  /// default.
  public var aggregation: AggregationSettings {
    AggregationSettings(weights: categoryWeights, actionThreshold: actionThreshold, maxConfidence: maxConfidence)
  }
}
