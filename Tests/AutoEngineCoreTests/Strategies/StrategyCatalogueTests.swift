import Testing

@testable import AutoEngineCore

@Suite("Strategy catalogue")
struct StrategyCatalogueTests {
  static let allCases: [StrategyCase] =
    PriceStrategyTests.cases + VolumeStrategyTests.cases + TechnicalStrategyTests.cases + MomentumStrategyTests.cases
    + VolatilityStrategyTests.cases + CosmicStrategyTests.cases

  @Test("holds exactly P1…P70 in order, each in its category's range")
  func numbering() {
    let all = StrategyCatalogue.all
    #expect(all.count == 70)
    #expect(all.map(\.id.number) == Array(1...70))
    #expect(Set(all.map(\.id)).count == 70)
    for strategy in all {
      #expect(strategy.category.numbers.contains(strategy.id.number), "\(strategy.id) outside \(strategy.category)")
      #expect(strategy.category == strategy.id.category)
      #expect(StrategyCatalogue.strategy(strategy.id).id == strategy.id)
    }
  }

  @Test("category sizes follow the seed: 20 price, 15 volume, 15 technical, 10 momentum, 5 volatility, 5 cosmic")
  func categorySizes() {
    let sizes = StrategyCategory.allCases.map { StrategyCatalogue.strategies(in: $0).count }
    #expect(sizes == [20, 15, 15, 10, 5, 5])
    let ranges = StrategyCategory.allCases.map(\.numbers)
    #expect(ranges.first?.lowerBound == 1 && ranges.last?.upperBound == 70)
    for (lower, upper) in zip(ranges, ranges.dropFirst()) { #expect(lower.upperBound + 1 == upper.lowerBound) }
  }

  @Test("every strategy has a unique name, a rule and documented parameters")
  func descriptions() {
    let all = StrategyCatalogue.all
    #expect(Set(all.map(\.name)).count == 70)
    for strategy in all {
      #expect(!strategy.name.isEmpty)
      #expect(strategy.rule.contains("BUY") || strategy.rule.contains("SELL"), "\(strategy.id) rule: \(strategy.rule)")
      #expect(!strategy.parameters.isEmpty, "\(strategy.id) has no parameters")
      #expect(Set(strategy.parameters.map(\.name)).count == strategy.parameters.count)
      for parameter in strategy.parameters {
        #expect(!parameter.name.isEmpty && !parameter.unit.isEmpty && !parameter.description.isEmpty)
        #expect(parameter.value.isFinite)
      }
      #expect(strategy.parameters.contains { $0.name == "confidence" }, "\(strategy.id) confidence is not a parameter")
    }
  }

  @Test("cosmic rules say they are not market evidence")
  func cosmicHonesty() {
    for strategy in StrategyCatalogue.strategies(in: .cosmic) {
      #expect(strategy.rule.contains("not market evidence"), "\(strategy.id): \(strategy.rule)")
    }
  }

  @Test("every catalogue strategy has a crafted test case, exactly once")
  func everyStrategyIsTested() {
    #expect(Self.allCases.map(\.number).sorted() == Array(1...70))
  }

  @Test("every strategy can fire, and the crafted cases cover BUY and SELL across the catalogue")
  func firingCoverage() {
    var buys = 0, sells = 0
    for testCase in Self.allCases {
      #expect(!testCase.firings.isEmpty)
      buys += testCase.firings.filter { $0.action == .buy }.count
      sells += testCase.firings.filter { $0.action == .sell }.count
    }
    #expect(buys >= 50 && sells >= 50)
  }

  @Test("strategy ids parse and print as P-numbers")
  func ids() {
    #expect(StrategyID("P7")?.number == 7)
    #expect(StrategyID("p70")?.number == 70)
    #expect(StrategyID("12")?.number == 12)
    #expect(StrategyID("P0") == nil)
    #expect(StrategyID("P71") == nil)
    #expect(StrategyID("X7") == nil)
    #expect(StrategyID("P") == nil)
    #expect(StrategyID("P-3") == nil)
    #expect(StrategyID(number: 36)?.description == "P36")
    #expect(StrategyID(number: 71) == nil)
    #expect(StrategyID(7) < StrategyID(12))
    #expect(StrategyID(66).category == .cosmic)
    #expect(StrategyCategory(number: 21) == .volume)
    #expect(StrategyCategory(number: 0) == nil)
  }

  @Test("actions print as the API spells them")
  func actions() {
    #expect(TradeAction.allCases.map(\.description) == ["HOLD", "BUY", "SELL"])
    #expect(TradeAction.allCases.map(\.direction) == [0, 1, -1])
  }

  @Test("parameters are stored properties: changing one changes the rule and the evaluation")
  func tunableParameters() {
    var rsi = RSIExtremesStrategy()
    rsi.oversold = 20
    #expect(rsi.rule.contains("< 20"))
    #expect(rsi.parameters.first { $0.name == "oversold" }?.value == 20)
    var scenario = StrategyScenario()
    scenario.now.rsi14 = 25
    #expect(rsi.evaluate(scenario.context).action == .hold)
    #expect(RSIExtremesStrategy().evaluate(scenario.context).action == .buy)
  }
}
