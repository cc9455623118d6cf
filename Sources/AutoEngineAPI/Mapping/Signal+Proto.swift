import AutoEngineCore
import AutoEngineRuntime
import SwiftProtobuf

extension Autoengine_V1_Action {
  /// The contract's action enum.
  init(_ action: TradeAction) {
    switch action {
    case .buy: self = .buy
    case .sell: self = .sell
    case .hold: self = .hold
    }
  }
}

extension Autoengine_V1_StrategyCategory {
  /// The contract's category enum.
  init(_ category: StrategyCategory) {
    switch category {
    case .price: self = .price
    case .volume: self = .volume
    case .technical: self = .technical
    case .momentum: self = .momentum
    case .volatility: self = .volatility
    case .cosmic: self = .cosmic
    }
  }

  /// The domain category; nil for UNSPECIFIED (meaning "all" in filters).
  var domain: StrategyCategory? {
    switch self {
    case .price: .price
    case .volume: .volume
    case .technical: .technical
    case .momentum: .momentum
    case .volatility: .volatility
    case .cosmic: .cosmic
    case .unspecified, .UNRECOGNIZED: nil
    }
  }
}

extension Autoengine_V1_AggregatedSignal {
  /// The contract's aggregate; `reasons` holds the top contributors' reasons by strategy id.
  init(_ aggregate: AggregatedSignal, reasons: [StrategyID: String], evaluatedAt: UnixTime?) {
    self.init()
    action = .init(aggregate.action)
    strength = aggregate.strength
    confidence = aggregate.confidence
    score = aggregate.score
    topContributors = aggregate.topContributors.map { contributor in
      .with {
        $0.strategyID = "\(contributor.strategy)"
        $0.name = StrategyCatalogue.strategy(contributor.strategy).name
        $0.action = .init(contributor.action)
        $0.contribution = contributor.contribution
        $0.reason = reasons[contributor.strategy] ?? ""
      }
    }
    buyCount = UInt32(aggregate.buyCount)
    sellCount = UInt32(aggregate.sellCount)
    holdCount = UInt32(aggregate.holdCount)
    missingInputCount = UInt32(aggregate.missingCount)
    if let evaluatedAt { self.evaluatedAt = .init(evaluatedAt) }
  }
}

extension Autoengine_V1_StrategyInfo {
  /// The contract's catalogue entry.
  init(_ strategy: any Strategy, weight: Double) {
    self.init()
    id = "\(strategy.id)"
    number = UInt32(strategy.id.number)
    name = strategy.name
    category = .init(strategy.category)
    rule = strategy.rule
    parameters = strategy.parameters.map { parameter in
      .with {
        $0.name = parameter.name
        $0.value = parameter.value
        $0.unit = parameter.unit
        $0.description_p = parameter.description
      }
    }
    enabled = true
    categoryWeight = weight
  }
}

extension Autoengine_V1_CoinSignals {
  /// The contract's signals of one coin.
  init(_ signals: CoinSignals, firedOnly: Bool = false) {
    self.init()
    symbol = signals.coin.symbol
    exchange = .init(signals.coin.exchange)
    if let aggregate = signals.aggregate {
      self.aggregate = Autoengine_V1_AggregatedSignal(
        aggregate, reasons: signals.reasons, evaluatedAt: signals.evaluatedAt)
    }
    self.signals = signals.signals.filter { !firedOnly || $0.signal.action != .hold }.map { item in
      .with {
        $0.strategyID = "\(item.signal.strategy)"
        $0.name = StrategyCatalogue.strategy(item.signal.strategy).name
        $0.category = .init(item.signal.strategy.category)
        $0.action = .init(item.signal.action)
        $0.strength = item.signal.strength
        $0.confidence = item.signal.confidence
        $0.reason = item.reason
        $0.missingInput = item.signal.isMissing
      }
    }
    if let evaluatedAt = signals.evaluatedAt { self.evaluatedAt = .init(evaluatedAt) }
  }
}
