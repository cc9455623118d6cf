import Testing

@testable import AutoEngineCore

@Suite("Signal aggregation")
struct SignalAggregatorTests {
  let aggregator = SignalAggregator()

  func vote(_ number: Int, _ action: TradeAction, strength: Double = 0.8, confidence: Double = 0.6) -> Signal {
    Signal(strategy: StrategyID(number), action: action, strength: strength, confidence: confidence)
  }

  func missing(_ number: Int) -> Signal { Signal.missing(StrategyID(number), "test input absent") }

  @Test("all BUY gives BUY with full activity and confidence clamped to max_confidence")
  func allBuy() {
    let signals = (36...50).map { vote($0, .buy) }
    let result = aggregator.aggregate(signals)
    #expect(result.action == .buy)
    #expect(result.score == 1)
    #expect(abs(result.strength - 0.8) < 1e-12)
    #expect(result.confidence == 0.95)
    #expect(result.buyCount == 15 && result.sellCount == 0 && result.holdCount == 0 && result.missingCount == 0)
  }

  @Test("all SELL gives SELL with a negative score")
  func allSell() {
    let result = aggregator.aggregate((51...60).map { vote($0, .sell, strength: 0.5) })
    #expect(result.action == .sell)
    #expect(result.score == -1)
    #expect(abs(result.strength - 0.5) < 1e-12)
  }

  @Test("balanced BUY and SELL evidence gives HOLD")
  func balanced() {
    let signals = (36...40).map { vote($0, .buy) } + (41...45).map { vote($0, .sell) }
    let result = aggregator.aggregate(signals)
    #expect(result.action == .hold)
    #expect(abs(result.score) < 1e-12)
    #expect(result.strength == 0)
    #expect(result.buyCount == 5 && result.sellCount == 5)
  }

  @Test("missing inputs are not votes but lower confidence")
  func missingLowersConfidence() {
    let votes =
      (1...20).map { vote($0, .buy, strength: 0.6, confidence: 0.5) }
      + (21...35).map { Signal(strategy: StrategyID($0), action: .hold, strength: 0, confidence: 0.5) }
    let full = aggregator.aggregate(votes)
    let partial = aggregator.aggregate(votes + (36...50).map { missing($0) })
    #expect(full.action == .buy && partial.action == .buy)
    #expect(partial.buyCount == full.buyCount)
    #expect(partial.missingCount == 15)
    #expect(partial.confidence < full.confidence)
    #expect(abs(partial.coverage - 35.0 / 50.0) < 1e-12)
    #expect(partial.score == full.score)
  }

  @Test("nothing but missing inputs gives HOLD with confidence 0")
  func allMissing() {
    let result = aggregator.aggregate((1...70).map { missing($0) })
    #expect(result.action == .hold)
    #expect(result.confidence == 0)
    #expect(result.missingCount == 70)
    #expect(result.topContributors.isEmpty)
  }

  @Test("one strong voice among many quiet strategies stays below the quorum")
  func quorum() {
    let signals =
      [vote(36, .buy, strength: 1, confidence: 0.6)]
      + (1...35).map { Signal(strategy: StrategyID($0), action: .hold, strength: 0, confidence: 0.5) }
    let result = aggregator.aggregate(signals)
    #expect(result.agreement == 1)
    #expect(result.activity < 1)
    #expect(result.action == .hold)
  }

  @Test("category weights are respected")
  func weights() {
    let signals = [vote(36, .buy), vote(66, .sell)]
    let byDefault = aggregator.aggregate(signals)
    #expect(byDefault.action == .buy)  // technical 1 vs cosmic 0.25
    #expect(abs(byDefault.agreement - 0.6) < 1e-12)  // (1 − 0.25) / (1 + 0.25)

    var settings = AggregationSettings()
    settings.weights[.technical] = 0
    let cosmicOnly = SignalAggregator(settings: settings).aggregate(signals)
    #expect(cosmicOnly.action == .sell)
    #expect(cosmicOnly.topContributors.map(\.strategy) == [StrategyID(66)])

    settings.weights = CategoryWeights(technical: 1, cosmic: 4)
    #expect(SignalAggregator(settings: settings).aggregate(signals).action == .sell)
  }

  @Test("max confidence is configurable")
  func maxConfidence() {
    let settings = AggregationSettings(maxConfidence: 0.5)
    let result = SignalAggregator(settings: settings).aggregate((1...10).map { vote($0, .buy) })
    #expect(result.confidence == 0.5)
  }

  @Test("top contributors are the strongest voters for the action, largest first, at most five")
  func topContributors() {
    let signals = [
      vote(1, .buy, strength: 0.2), vote(2, .buy, strength: 0.9), vote(3, .buy, strength: 0.5),
      vote(4, .buy, strength: 0.7), vote(5, .buy, strength: 0.3), vote(6, .buy, strength: 0.8),
      vote(7, .buy, strength: 0.4), vote(8, .sell, strength: 1.0), vote(66, .buy, strength: 1.0),
    ]
    let result = aggregator.aggregate(signals)
    #expect(result.action == .buy)
    #expect(result.topContributors.count == 5)
    #expect(result.topContributors.map(\.strategy.number) == [2, 6, 4, 3, 7])
    #expect(result.topContributors.allSatisfy { $0.action == .buy && $0.contribution > 0 })
    let magnitudes = result.topContributors.map { abs($0.contribution) }
    #expect(magnitudes == magnitudes.sorted(by: >))
  }

  @Test("contributions of all voters sum to the agreement")
  func contributionsSum() {
    let signals = [vote(1, .buy, strength: 0.9), vote(2, .sell, strength: 0.3), vote(3, .buy, strength: 0.4)]
    let result = aggregator.aggregate(signals)
    var settings = AggregationSettings()
    settings.actionThreshold = 2  // force HOLD: contributors from both sides
    let hold = SignalAggregator(settings: settings).aggregate(signals)
    #expect(hold.action == .hold)
    #expect(hold.topContributors.count == 3)
    #expect(abs(hold.topContributors.reduce(0) { $0 + $1.contribution } - result.agreement) < 1e-12)
  }

  @Test("aggregates stay within their bounds for arbitrary signals")
  func bounds() {
    var random = StrategyTestRandom(seed: 7)
    let actions: [TradeAction] = [.hold, .buy, .sell]
    for _ in 0..<500 {
      var signals: [Signal] = []
      for number in 1...70 {
        if random.unit() < 0.2 {
          signals.append(missing(number))
        } else {
          signals.append(
            Signal(
              strategy: StrategyID(number), action: actions[Int(random.unit() * 3) % 3], strength: random.unit(),
              confidence: random.unit()))
        }
      }
      var settings = AggregationSettings()
      settings.weights[.momentum] = random.unit() * 2
      settings.actionThreshold = random.unit() * 0.5
      let result = SignalAggregator(settings: settings).aggregate(signals)
      #expect(result.strength >= 0 && result.strength <= 1)
      #expect(result.confidence >= 0 && result.confidence <= settings.maxConfidence)
      #expect(result.score >= -1 && result.score <= 1)
      #expect(result.coverage >= 0 && result.coverage <= 1)
      #expect(result.evaluatedCount == 70)
      #expect(result.topContributors.count <= TopContributors.capacity)
      if result.action == .buy { #expect(result.score >= settings.actionThreshold) }
      if result.action == .sell { #expect(result.score <= -settings.actionThreshold) }
    }
  }

  @Test("the one-line description names action, counts and top contributors")
  func description() {
    let result = aggregator.aggregate([vote(36, .buy), vote(42, .buy, strength: 0.4), missing(68)])
    let text = result.description
    #expect(text.hasPrefix("BUY strength "))
    #expect(text.contains("(2 buy, 0 sell, 0 hold, 1 missing)"))
    #expect(text.contains("top P36 +0.667, P42 +0.333"))
  }
}

@Suite("Top contributors")
struct TopContributorsTests {
  @Test("keeps the five largest by magnitude, ties by lower strategy number")
  func ordering() {
    var top = TopContributors()
    for (number, value) in [(9, 0.1), (3, -0.5), (4, 0.3), (5, 0.3), (1, 0.05), (2, 0.9), (8, -0.2), (7, 0.01)] {
      top.offer(
        StrategyContribution(strategy: StrategyID(number), action: value > 0 ? .buy : .sell, contribution: value))
    }
    #expect(top.map(\.strategy.number) == [2, 3, 4, 5, 8])
    #expect(top.count == 5)
    #expect(top[1].contribution == -0.5)
  }

  @Test("equal contents compare and hash equal")
  func equality() {
    var a = TopContributors(), b = TopContributors()
    a.offer(StrategyContribution(strategy: StrategyID(1), action: .buy, contribution: 0.4))
    b.offer(StrategyContribution(strategy: StrategyID(1), action: .buy, contribution: 0.4))
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    b.offer(StrategyContribution(strategy: StrategyID(2), action: .buy, contribution: 0.1))
    #expect(a != b)
  }
}

/// A small deterministic generator for property tests (SplitMix64).
struct StrategyTestRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// A double in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
