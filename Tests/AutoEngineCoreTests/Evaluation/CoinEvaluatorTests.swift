import Testing

@testable import AutoEngineCore

@Suite("Coin evaluator: indicators → strategies → aggregate")
struct CoinEvaluatorTests {
  @Test("real candles: every tick is bounded, and strategies of every market category fire")
  func realCandles() throws {
    var fired = Set<StrategyID>()
    for file in IndicatorTestData.realCandleFiles {
      var evaluator = CoinEvaluator()
      for candle in try IndicatorTestData.realCandles(file) {
        let aggregate = try evaluator.update(candle)
        #expect((0...1).contains(aggregate.strength), "\(file) \(candle.time)")
        #expect((0...0.95).contains(aggregate.confidence), "\(file) \(candle.time)")
        #expect((-1...1).contains(aggregate.score), "\(file) \(candle.time)")
        #expect(aggregate.evaluatedCount == 70)
        for signal in evaluator.strategies.signals where signal.action != .hold { fired.insert(signal.strategy) }
      }
    }
    // P51 needs 1-minute spacing within one minute, P66–P70 need cosmic inputs: not in candle files.
    let marketStrategies = StrategyCatalogue.all.map(\.id).filter { $0.category != .cosmic && $0.number != 51 }
    let silent = marketStrategies.filter { !fired.contains($0) }
    #expect(silent.isEmpty, "strategies that never fired on real data: \(silent)")
  }

  @Test("the same candles give the same decisions (deterministic)")
  func deterministic() throws {
    let candles = Array(try IndicatorTestData.realCandles("LTC-BTC_5m.csv").prefix(600))
    var first = CoinEvaluator()
    var second = CoinEvaluator()
    for candle in candles {
      #expect(try first.update(candle) == second.update(candle))
    }
  }

  @Test("a rejected candle changes nothing")
  func rejectedCandle() throws {
    var evaluator = CoinEvaluator()
    let candles = flatCandles([1, 1.01, 1.02])
    for candle in candles { try evaluator.update(candle) }
    let before = evaluator.aggregate
    #expect(throws: IndicatorSet.Rejection.self) { try evaluator.update(candles[1]) }  // not after latest
    #expect(evaluator.latestCandle == candles[2])
    #expect(evaluator.aggregate == before)
  }

  @Test("cosmic inputs reach the cosmic strategies; without them they say what is missing")
  func cosmicInputs() throws {
    let time = UnixTime(seconds: 1_736_807_211)  // 2025-01-13T22:26:51Z, full moon
    let inputs = CosmicInputs(
      at: time,
      solar: SolarActivity(
        observedAt: time, latestFlareClass: FlareClass("X2.0"), flarePeakTime: time.adding(-3600), xrayFlux: 3e-6,
        kpIndex: 7))
    let readings = CosmicReadings(inputs, at: time)
    #expect(readings.kpIndex == 7)
    #expect(readings.hoursSinceFlare == 1)
    #expect(readings.flareFlux == FlareClass("X2.0")?.flux)
    #expect(readings.alignment != nil)
    #expect(readings.schumannFrequencyHz == nil)

    var withCosmic = CoinEvaluator(strategies: StrategyEvaluator(categories: [.cosmic]))
    try withCosmic.update(Candle(time: time, open: 1, high: 1, low: 1, close: 1, volume: 1), cosmic: readings)
    #expect(withCosmic.strategies.signals.filter(\.isMissing).map(\.strategy) == [StrategyID(number: 68)!])
    #expect(withCosmic.reason(StrategyID(number: 68)!)?.contains("schumann") == true)

    // Offline: the lunar phase is computed, solar and Schumann data are absent.
    var offline = CoinEvaluator(strategies: StrategyEvaluator(categories: [.cosmic]))
    try offline.update(
      Candle(time: time, open: 1, high: 1, low: 1, close: 1, volume: 1),
      cosmic: CosmicReadings(CosmicInputs(at: time), at: time))
    #expect(offline.strategies.signals.filter(\.isMissing).map(\.strategy.number) == [66, 67, 68, 70])
    #expect(offline.strategies.signal(StrategyID(number: 69)!)?.action == .sell)  // full moon

    // Nothing at all: every cosmic strategy says what is missing, none invents a value.
    var without = CoinEvaluator(strategies: StrategyEvaluator(categories: [.cosmic]))
    try without.update(Candle(time: time, open: 1, high: 1, low: 1, close: 1, volume: 1))
    #expect(without.strategies.signals.allSatisfy { $0.isMissing && $0.confidence == 0 })
  }
}
