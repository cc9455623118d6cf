/// How `SignalAggregator` weighs and thresholds the strategies' signals.
public struct AggregationSettings: Hashable, Sendable {
  /// Weight of each category's strategies (cosmic 0.25 by default, the others 1).
  public var weights: CategoryWeights
  /// |score| at or beyond which the aggregate is BUY (positive) or SELL (negative), 0–1.
  public var actionThreshold: Double
  /// Share of the available weight that, as voting evidence (Σ w·strength·confidence of the
  /// BUY and SELL signals), counts as full activity, 0–1. Less evidence scales the score down.
  public var evidenceQuorum: Double
  /// The highest confidence the aggregate reports (the seed's `max_confidence`), 0–1.
  public var maxConfidence: Double

  /// Creates settings; the defaults are the seed's (`max_confidence` 0.95) plus the documented
  /// aggregation constants.
  public init(
    weights: CategoryWeights = CategoryWeights(), actionThreshold: Double = 0.25, evidenceQuorum: Double = 0.15,
    maxConfidence: Double = 0.95
  ) {
    self.weights = weights
    self.actionThreshold = actionThreshold
    self.evidenceQuorum = evidenceQuorum
    self.maxConfidence = maxConfidence
  }
}

/// The weight of each strategy category in the aggregate; a weight of 0 ignores the category.
///
/// Weights are relative (only their ratios matter), must be ≥ 0, and at least one must be
/// positive (`strategy.category_weights.*` in the configuration). Market-data categories default
/// to 1.0; cosmic to 0.25 because its inputs are not market data: lunar phase, geomagnetic and
/// solar indices have no established effect on prices, so they may nudge a decision but should
/// never outvote the market.
public struct CategoryWeights: Hashable, Sendable {
  /// Price strategies P1–P20.
  public var price: Double
  /// Volume strategies P21–P35.
  public var volume: Double
  /// Technical strategies P36–P50.
  public var technical: Double
  /// Momentum strategies P51–P60.
  public var momentum: Double
  /// Volatility strategies P61–P65.
  public var volatility: Double
  /// Cosmic strategies P66–P70 (not market evidence, hence 0.25 by default).
  public var cosmic: Double

  /// Creates weights; every market category defaults to 1, cosmic to 0.25.
  public init(
    price: Double = 1, volume: Double = 1, technical: Double = 1, momentum: Double = 1, volatility: Double = 1,
    cosmic: Double = 0.25
  ) {
    self.price = price
    self.volume = volume
    self.technical = technical
    self.momentum = momentum
    self.volatility = volatility
    self.cosmic = cosmic
  }

  /// The weight of `category`.
  public subscript(category: StrategyCategory) -> Double {
    get {
      switch category {
      case .price: price
      case .volume: volume
      case .technical: technical
      case .momentum: momentum
      case .volatility: volatility
      case .cosmic: cosmic
      }
    }
    set {
      switch category {
      case .price: price = newValue
      case .volume: volume = newValue
      case .technical: technical = newValue
      case .momentum: momentum = newValue
      case .volatility: volatility = newValue
      case .cosmic: cosmic = newValue
      }
    }
  }

  /// The weights with their configuration key suffixes, in category order
  /// (`price`, `volume`, `technical`, `momentum`, `volatility`, `cosmic`).
  public var named: [(name: String, weight: Double)] {
    [
      ("price", price), ("volume", volume), ("technical", technical), ("momentum", momentum),
      ("volatility", volatility), ("cosmic", cosmic),
    ]
  }

  /// The sum of all weights.
  public var total: Double { price + volume + technical + momentum + volatility + cosmic }
}
