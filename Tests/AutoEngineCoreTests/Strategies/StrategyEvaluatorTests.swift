import Testing

@testable import AutoEngineCore

@Suite("Strategy evaluator")
struct StrategyEvaluatorTests {
  /// A tick where RSI is oversold and a few other rules fire.
  var oversoldTick: StrategyContext {
    var scenario = StrategyScenario()
    scenario.now.rsi14 = 22
    scenario.now.willR14 = -92
    scenario.now.mfi14 = 12
    scenario.now.stochK = 18
    scenario.now.stochD = 15
    scenario.before.stochK = 12
    scenario.before.stochD = 14
    return scenario.context
  }

  @Test("before the first tick every signal is missing 'not evaluated yet'")
  func initialState() {
    let evaluator = StrategyEvaluator()
    #expect(evaluator.signals.count == 70)
    #expect(evaluator.signals.allSatisfy { $0.missingInput?.description == "not evaluated yet" })
    #expect(evaluator.latest == .empty)
  }

  @Test("evaluates the whole catalogue, stores signals in catalogue order and aggregates them")
  func evaluatesAll() {
    var evaluator = StrategyEvaluator()
    let result = evaluator.evaluate(oversoldTick)
    #expect(result == evaluator.latest)
    #expect(result.evaluatedCount == 70)
    #expect(evaluator.signals.map(\.strategy.number) == Array(1...70))
    #expect(evaluator.signal(StrategyID(36)) == RSIExtremesStrategy().evaluate(oversoldTick))
    #expect(evaluator.signal(StrategyID(36))?.action == .buy)
    #expect(evaluator.reason(StrategyID(36)) == "RSI 22.0 < 30 (oversold)")
    #expect(evaluator.reason(StrategyID(68)) == "schumann data unavailable")
    #expect(result == SignalAggregator().aggregate(evaluator.signals))
    #expect(result.buyCount >= 4)
    #expect(result.missingCount > 40)
  }

  @Test("reuses its signal buffer from tick to tick")
  func reusesBuffer() {
    var evaluator = StrategyEvaluator()
    _ = evaluator.evaluate(oversoldTick)
    let first = evaluator.signals.withUnsafeBufferPointer { $0.baseAddress }
    for _ in 0..<10 { _ = evaluator.evaluate(oversoldTick) }
    let later = evaluator.signals.withUnsafeBufferPointer { $0.baseAddress }
    #expect(first == later)
  }

  @Test("a subset by ids evaluates only those strategies")
  func subsetByIDs() {
    var evaluator = StrategyEvaluator(ids: [StrategyID(47), StrategyID(36), StrategyID(70)])
    #expect(evaluator.strategies.map(\.id.number) == [36, 47, 70])
    let result = evaluator.evaluate(oversoldTick)
    #expect(result.evaluatedCount == 3)
    #expect(result.buyCount == 2 && result.missingCount == 1)
    #expect(evaluator.signal(StrategyID(1)) == nil)
    #expect(evaluator.strategy(StrategyID(47))?.name == "Williams %R extremes")
    #expect(evaluator.reason(StrategyID(2)) == nil)
  }

  @Test("a subset by categories evaluates only those categories")
  func subsetByCategories() {
    var evaluator = StrategyEvaluator(categories: [.technical, .cosmic])
    #expect(evaluator.strategies.count == 20)
    let result = evaluator.evaluate(oversoldTick)
    #expect(result.evaluatedCount == 20)
    #expect(result.action == .buy)
    #expect(Set(result.topContributors.map(\.strategy.number)) == [36, 45, 47])
    #expect(result.topContributors.first?.strategy == StrategyID(45))  // 0.6 × 0.5 beats 0.6 × 0.45 and 0.4 × 0.55
  }

  @Test("custom strategies and aggregation settings are used as given")
  func customStrategies() {
    var strict = RSIExtremesStrategy()
    strict.oversold = 10
    var settings = AggregationSettings()
    settings.maxConfidence = 0.4
    var evaluator = StrategyEvaluator(
      strategies: [strict, WilliamsRStrategy()], aggregator: SignalAggregator(settings: settings))
    let result = evaluator.evaluate(oversoldTick)
    #expect(evaluator.signal(StrategyID(36))?.action == .hold)
    #expect(result.action == .buy)
    #expect(result.confidence <= 0.4)
  }
}
