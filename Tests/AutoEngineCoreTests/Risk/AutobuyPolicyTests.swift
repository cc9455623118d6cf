import FoundationEssentials
import Testing

@testable import AutoEngineCore

@Suite("Autobuy entry rule")
struct AutobuyPolicyTests {
  let policy = AutobuyPolicy()
  static let now = UTCDateTime(year: 2025, month: 3, day: 14, hour: 12, minute: 0, second: 0).unixTime
  static let sol = CoinCatalogue.defaults.coin(forSymbol: "SOL-USD")!

  /// A context that buys: every check passes.
  func context(_ change: (inout AutobuyContext) -> Void = { _ in }) -> AutobuyContext {
    var context = AutobuyContext(
      isAutobuyRunning: true, coin: Self.sol, isStale: false,
      signal: SignalSnapshot(action: .buy, strength: 0.8, confidence: 0.8), now: Self.now,
      lastTradeTime: Self.now.adding(-3_600), hasOpenOrder: false, openPositionCount: 2,
      totalExposure: 1_000, dailyRealisedLoss: 100, availableBalance: 10_000)
    change(&context)
    return context
  }

  func decide(_ change: (inout AutobuyContext) -> Void) -> EntryDecision { policy.decide(context(change)) }

  @Test("a good signal buys, sized by confidence")
  func buys() {
    #expect(policy.decide(context()) == .buy(quoteAmount: 2_006))
    #expect(decide { $0.lastTradeTime = nil } == .buy(quoteAmount: 2_006))
  }

  @Test("stopped autobuy refuses")
  func stopped() {
    #expect(decide { $0.isAutobuyRunning = false } == .refuse(.autobuyStopped))
  }

  @Test("the daily loss limit stops buying until the next UTC midnight, at and above the limit")
  func dailyLoss() {
    let midnight = UTCDateTime(year: 2025, month: 3, day: 15).unixTime
    #expect(decide { $0.dailyRealisedLoss = 500 } == .refuse(.dailyLossLimit(loss: 500, limit: 500, until: midnight)))
    #expect(decide { $0.dailyRealisedLoss = 800 } == .refuse(.dailyLossLimit(loss: 800, limit: 500, until: midnight)))
    #expect(decide { $0.dailyRealisedLoss = Decimal(string: "499.99")! }.quoteAmount != nil)
    #expect(decide { $0.dailyRealisedLoss = -300 }.quoteAmount != nil)
  }

  @Test("a disabled coin is refused")
  func disabled() {
    #expect(decide { $0.coin.enabled = false } == .refuse(.coinDisabled))
  }

  @Test("a stale coin is refused")
  func stale() {
    #expect(decide { $0.isStale = true } == .refuse(.stale))
  }

  @Test("HOLD and SELL are not buy signals")
  func notBuy() {
    #expect(decide { $0.signal.action = .hold } == .refuse(.notABuySignal(.hold)))
    #expect(decide { $0.signal.action = .sell } == .refuse(.notABuySignal(.sell)))
  }

  @Test("strength below the minimum is refused; exactly the minimum passes")
  func strength() {
    #expect(decide { $0.signal.strength = 0.59 } == .refuse(.strengthTooLow(0.59, minimum: 0.6)))
    #expect(decide { $0.signal.strength = 0.6 }.quoteAmount != nil)
    guard case .strengthTooLow(let value, 0.6)? = decide({ $0.signal.strength = .nan }).refusal else {
      Issue.record("a nan strength must be refused as too low")
      return
    }
    #expect(value.isNaN)
  }

  @Test("confidence below the minimum is refused; exactly the minimum buys the minimum trade")
  func confidence() {
    #expect(decide { $0.signal.confidence = 0.69 } == .refuse(.confidenceTooLow(0.69, minimum: 0.7)))
    #expect(decide { $0.signal.confidence = 0.7 } == .buy(quoteAmount: 10))
    #expect(decide { $0.signal.confidence = 0.95 } == .buy(quoteAmount: 5_000))
    guard case .confidenceTooLow(let value, 0.7)? = decide({ $0.signal.confidence = .nan }).refusal else {
      Issue.record("a nan confidence must be refused as too low")
      return
    }
    #expect(value.isNaN)
  }

  @Test("cooldown: refused until 300 s after the last trade, allowed from then on")
  func cooldown() {
    let until = Self.now.adding(1)
    #expect(decide { $0.lastTradeTime = Self.now.adding(-299) } == .refuse(.cooldown(until: until)))
    #expect(decide { $0.lastTradeTime = Self.now } == .refuse(.cooldown(until: Self.now.adding(300))))
    #expect(decide { $0.lastTradeTime = Self.now.adding(-300) }.quoteAmount != nil)
    let noCooldown = AutobuyPolicy(cooldownPeriod: 0)
    #expect(noCooldown.decide(context { $0.lastTradeTime = Self.now }).quoteAmount != nil)
  }

  @Test("an open order for the coin is refused")
  func openOrder() {
    #expect(decide { $0.hasOpenOrder = true } == .refuse(.openOrder))
  }

  @Test("max open positions: refused at the limit, allowed below")
  func maxPositions() {
    #expect(decide { $0.openPositionCount = 10 } == .refuse(.maxOpenPositions(10)))
    #expect(decide { $0.openPositionCount = 11 } == .refuse(.maxOpenPositions(10)))
    #expect(decide { $0.openPositionCount = 9 }.quoteAmount != nil)
  }

  @Test("max exposure: refused when the headroom is below the minimum trade, else capped by it")
  func maxExposure() {
    #expect(
      decide { $0.totalExposure = Decimal(string: "19990.01")! }
        == .refuse(.maxExposure(current: Decimal(string: "19990.01")!, limit: 20_000)))
    #expect(decide { $0.totalExposure = 19_990 } == .buy(quoteAmount: 10))
    #expect(decide { $0.totalExposure = 19_000 } == .buy(quoteAmount: 1_000))
    #expect(decide { $0.totalExposure = 25_000 } == .refuse(.maxExposure(current: 25_000, limit: 20_000)))
  }

  @Test("balance: refused below the minimum trade, else capped by it")
  func balance() {
    #expect(
      decide { $0.availableBalance = Decimal(string: "9.99")! }
        == .refuse(.insufficientBalance(available: Decimal(string: "9.99")!, minimum: 10)))
    #expect(decide { $0.availableBalance = 10 } == .buy(quoteAmount: 10))
    #expect(
      decide { $0.availableBalance = Decimal(string: "500.129")! } == .buy(quoteAmount: Decimal(string: "500.12")!))
  }

  @Test("checks run in the documented order: the first failing one is reported")
  func order() {
    var context = AutobuyContext(
      isAutobuyRunning: false, coin: Self.sol, isStale: true, signal: .hold, now: Self.now,
      lastTradeTime: Self.now, hasOpenOrder: true, openPositionCount: 99, totalExposure: 99_999,
      dailyRealisedLoss: 999, availableBalance: 0)
    context.coin.enabled = false
    var reasons: [EntryRefusal] = []
    let fixes: [(inout AutobuyContext) -> Void] = [
      { $0.isAutobuyRunning = true }, { $0.dailyRealisedLoss = 0 }, { $0.coin.enabled = true },
      { $0.isStale = false }, { $0.signal.action = .buy }, { $0.signal.strength = 0.9 },
      { $0.signal.confidence = 0.9 }, { $0.lastTradeTime = nil }, { $0.hasOpenOrder = false },
      { $0.openPositionCount = 0 }, { $0.totalExposure = 0 }, { $0.availableBalance = 100 },
    ]
    for fix in fixes {
      if let reason = policy.decide(context).refusal { reasons.append(reason) }
      fix(&context)
    }
    #expect(
      reasons.map { "\($0)".split(separator: " ").prefix(2).joined(separator: " ") } == [
        "autobuy is", "daily loss", "coin is", "price data", "aggregated signal", "signal strength",
        "confidence 0.00", "cooldown until", "an order", "max open", "max total", "insufficient balance",
      ])
    #expect(policy.decide(context) == .buy(quoteAmount: 100))
  }

  @Test("policy from configuration uses its thresholds and limits")
  func fromConfiguration() {
    var configuration = EngineConfiguration.defaults
    configuration.strategy.minConfidence = 0.5
    configuration.strategy.minSignalStrength = 0.3
    configuration.strategy.cooldownPeriod = 60
    configuration.risk.maxOpenPositions = 3
    configuration.risk.maxTotalExposure = 1_500
    configuration.risk.dailyLossLimit = 150
    let custom = AutobuyPolicy(configuration: configuration)
    #expect(
      custom.decide(
        context {
          $0.signal.strength = 0.35; $0.signal.confidence = 0.55
        }
      ).quoteAmount != nil)
    #expect(
      custom.decide(context { $0.lastTradeTime = Self.now.adding(-59) })
        == .refuse(.cooldown(until: Self.now.adding(1))))
    #expect(custom.decide(context { $0.openPositionCount = 3 }) == .refuse(.maxOpenPositions(3)))
    #expect(custom.decide(context()) == .buy(quoteAmount: 500))  // capped by 1,500 − 1,000 headroom
    #expect(
      custom.decide(context { $0.dailyRealisedLoss = 150 }).refusal
        == .dailyLossLimit(loss: 150, limit: 150, until: Self.now.nextUTCMidnight))
  }

  @Test("refusal reasons read as the journal shows them")
  func descriptions() {
    let until = UTCDateTime(year: 2025, month: 3, day: 14, hour: 12, minute: 4, second: 10).unixTime
    #expect(EntryDecision.refuse(.cooldown(until: until)).description == "refused: cooldown until 12:04:10")
    #expect(EntryDecision.buy(quoteAmount: Decimal(string: "123.45")!).description == "buy 123.45")
    #expect(
      EntryRefusal.confidenceTooLow(0.65, minimum: 0.7).description == "confidence 0.65 is below the minimum 0.70")
    #expect(
      EntryRefusal.strengthTooLow(0.5, minimum: 0.6).description == "signal strength 0.50 is below the minimum 0.60")
    #expect(EntryRefusal.notABuySignal(.hold).description == "aggregated signal is HOLD, not BUY")
    #expect(EntryRefusal.maxOpenPositions(10).description == "max open positions reached (10)")
    #expect(
      EntryRefusal.maxExposure(current: 19_995, limit: 20_000).description
        == "max total exposure reached (19995 of 20000)")
    #expect(
      EntryRefusal.insufficientBalance(available: 5, minimum: 10).description
        == "insufficient balance (5 available, minimum trade 10)")
    #expect(
      EntryRefusal.dailyLossLimit(loss: 512, limit: 500, until: UTCDateTime(year: 2025, month: 3, day: 15).unixTime)
        .description
        == "daily loss limit reached (realised loss 512 ≥ 500); autobuy paused until 00:00:00 UTC")
    #expect(EntryRefusal.autobuyStopped.description == "autobuy is stopped")
    #expect(EntryRefusal.coinDisabled.description == "coin is disabled")
    #expect(EntryRefusal.stale.description == "price data is stale")
    #expect(EntryRefusal.openOrder.description == "an order for this coin is still open")
    #expect(
      SignalSnapshot(action: .buy, strength: 0.72, confidence: 0.805).description == "BUY strength 0.72 confidence 0.81"
    )
  }
}
