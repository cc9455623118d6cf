import FoundationEssentials
import Testing

@testable import AutoEngineCore

@Suite("Exit rules")
struct ExitPolicyTests {
  let policy = ExitPolicy()
  let position = OpenPositionPrices(entryPrice: 100)

  func d(_ text: String) -> Decimal { Decimal(string: text)! }

  @Test("stop-loss fires at and below entry − 5 %, not just above")
  func stopLoss() {
    #expect(policy.decide(position: position, price: 95) == .sell(.stopLoss(price: 95, trigger: 95)))
    #expect(policy.decide(position: position, price: d("94.99")) == .sell(.stopLoss(price: d("94.99"), trigger: 95)))
    #expect(policy.decide(position: position, price: d("95.01")) == .hold)
  }

  @Test("take-profit fires at and above entry + 10 %, not just below")
  func takeProfit() {
    #expect(policy.decide(position: position, price: 110) == .sell(.takeProfit(price: 110, trigger: 110)))
    #expect(
      policy.decide(position: position, price: d("110.01")) == .sell(.takeProfit(price: d("110.01"), trigger: 110)))
    #expect(policy.decide(position: position, price: d("109.99")) == .hold)
  }

  @Test("trailing stop fires at and below 3 % under the high once armed, not just above")
  func trailingStop() {
    let risen = OpenPositionPrices(entryPrice: 100, highestPrice: 108)
    // trigger = 108 × 0.97 = 104.76
    #expect(
      policy.decide(position: risen, price: d("104.76"))
        == .sell(.trailingStop(price: d("104.76"), trigger: d("104.76"), highest: 108)))
    #expect(policy.decide(position: risen, price: d("104.75")).sellReason != nil)
    #expect(policy.decide(position: risen, price: d("104.77")) == .hold)
  }

  @Test("the trailing stop arms only once the high is 3 % above entry")
  func trailingArming() {
    // high 102.99 is not armed: a fall to 99.9 (−3 % from the high) holds
    let notArmed = OpenPositionPrices(entryPrice: 100, highestPrice: d("102.99"))
    #expect(policy.decide(position: notArmed, price: d("99.9")) == .hold)
    // high exactly 103 arms it: trigger 99.91
    let armed = OpenPositionPrices(entryPrice: 100, highestPrice: 103)
    #expect(
      policy.decide(position: armed, price: d("99.91"))
        == .sell(.trailingStop(price: d("99.91"), trigger: d("99.91"), highest: 103)))
    #expect(policy.decide(position: armed, price: d("99.92")) == .hold)
  }

  @Test("the current price counts as the high when it is above the recorded one")
  func currentPriceIsHigh() {
    let stale = OpenPositionPrices(entryPrice: 100, highestPrice: 101)
    #expect(policy.decide(position: stale, price: 105) == .hold)
    #expect(stale.observing(105).highestPrice == 105)
    #expect(stale.observing(99).highestPrice == 101)
    #expect(OpenPositionPrices(entryPrice: 100, highestPrice: 90).highestPrice == 100)
  }

  @Test("an aggregated SELL sells under the entry thresholds; weaker ones and other actions hold")
  func sellSignal() {
    let sell = SignalSnapshot(action: .sell, strength: 0.6, confidence: 0.7)
    #expect(
      policy.decide(position: position, price: 100, signal: sell) == .sell(.sellSignal(strength: 0.6, confidence: 0.7)))
    #expect(
      policy.decide(
        position: position, price: 100, signal: SignalSnapshot(action: .sell, strength: 0.59, confidence: 0.9)) == .hold
    )
    #expect(
      policy.decide(
        position: position, price: 100, signal: SignalSnapshot(action: .sell, strength: 0.9, confidence: 0.69)) == .hold
    )
    #expect(
      policy.decide(position: position, price: 100, signal: SignalSnapshot(action: .buy, strength: 1, confidence: 1))
        == .hold)
    #expect(policy.decide(position: position, price: 100, signal: nil) == .hold)
  }

  @Test("rules are checked in order: stop-loss, trailing stop, take-profit, signal")
  func order() {
    let sell = SignalSnapshot(action: .sell, strength: 1, confidence: 1)
    // price below both the stop-loss and the trailing trigger: stop-loss wins
    let risen = OpenPositionPrices(entryPrice: 100, highestPrice: 120)
    #expect(policy.decide(position: risen, price: 90, signal: sell).sellReason == .stopLoss(price: 90, trigger: 95))
    // price above take-profit but below the trailing trigger: trailing stop wins
    #expect(
      policy.decide(position: risen, price: 111, signal: sell).sellReason
        == .trailingStop(price: 111, trigger: d("116.4"), highest: 120))
    // take-profit before the signal
    #expect(
      policy.decide(position: position, price: 110, signal: sell).sellReason == .takeProfit(price: 110, trigger: 110))
  }

  @Test("a percentage of 0 disables its rule")
  func disabled() {
    let none = ExitPolicy(stopLossPercent: 0, trailingStopPercent: 0, takeProfitPercent: 0)
    #expect(none.decide(position: position, price: 1) == .hold)
    #expect(none.decide(position: position, price: 1_000) == .hold)
    #expect(none.decide(position: OpenPositionPrices(entryPrice: 100, highestPrice: 200), price: 101) == .hold)
  }

  @Test("policy from configuration uses its percentages and thresholds")
  func fromConfiguration() {
    var configuration = EngineConfiguration.defaults
    configuration.risk.stopLossPercent = 2
    configuration.risk.takeProfitPercent = d("2.5")
    configuration.risk.trailingStopPercent = 0
    configuration.strategy.minConfidence = 0.9
    let custom = ExitPolicy(configuration: configuration)
    #expect(custom.decide(position: position, price: 98).sellReason == .stopLoss(price: 98, trigger: 98))
    #expect(
      custom.decide(position: position, price: d("102.5")).sellReason
        == .takeProfit(price: d("102.5"), trigger: d("102.5")))
    #expect(
      custom.decide(
        position: position, price: 100, signal: SignalSnapshot(action: .sell, strength: 1, confidence: 0.85)) == .hold)
  }

  @Test("exit decisions read as the journal shows them")
  func descriptions() {
    #expect(ExitDecision.hold.description == "hold")
    #expect(
      ExitDecision.sell(.stopLoss(price: d("94.99"), trigger: 95)).description == "sell: stop-loss: price 94.99 ≤ 95")
    #expect(ExitReason.takeProfit(price: 111, trigger: 110).description == "take-profit: price 111 ≥ 110")
    #expect(
      ExitReason.trailingStop(price: 104, trigger: d("104.76"), highest: 108).description
        == "trailing stop: price 104 ≤ 104.76 (high 108)")
    #expect(
      ExitReason.sellSignal(strength: 0.6, confidence: 0.75).description
        == "SELL signal: strength 0.60, confidence 0.75")
    #expect(ExitDecision.hold.sellReason == nil)
  }
}
