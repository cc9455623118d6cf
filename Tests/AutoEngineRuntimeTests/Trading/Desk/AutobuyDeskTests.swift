import AutoEngineCore
import FoundationEssentials
import Testing

@testable import AutoEngineRuntime

/// Autobuy and exits end to end through the desk, the paper broker and the journal.
@Suite struct AutobuyDeskTests {
  @Test func aStrongBuySignalBuysAConfidenceScaledAmountAndJournalsEverything() async throws {
    let fixture = try DeskFixture()
    try await fixture.desk.start()
    _ = await fixture.desk.startAutobuy()
    // Confidence 0.825 is halfway between 0.7 and 0.95: 10 + 0.5 × (10,000 − 10) = 5,005 for BTC.
    await fixture.desk.observe([
      fixture.state(fixture.btc, price: 50_000, action: .buy, strength: 0.8, confidence: 0.825)
    ])
    let orders = try fixture.journal.orders(OrderQuery()).items
    #expect(orders.count == 1)
    let order = try #require(orders.first)
    #expect(order.status == .filled)
    #expect(order.amount == .quote(5_005))
    #expect(order.origin == .autobuy)
    #expect(order.filledBase == Decimal(string: "0.1001"))
    let positions = try await fixture.desk.positions()
    #expect(positions.map(\.position.baseQuantity) == [Decimal(string: "0.1001")!])
    let decisions = try fixture.journal.decisions(DecisionQuery()).items
    #expect(decisions.map(\.outcome) == [.executed])
    #expect(decisions.first?.clientOrderId == order.clientOrderId)
  }

  @Test func nothingIsBoughtWhileAutobuyIsStoppedOrThePriceIsStale() async throws {
    let fixture = try DeskFixture()
    try await fixture.desk.start()
    let strong = fixture.state(fixture.btc, price: 50_000, action: .buy, strength: 0.9, confidence: 0.9)
    await fixture.desk.observe([strong])
    #expect(try fixture.journal.orders(OrderQuery()).items.isEmpty)
    _ = await fixture.desk.startAutobuy()
    await fixture.desk.observe([
      fixture.state(fixture.btc, price: 50_000, action: .buy, strength: 0.9, confidence: 0.9, stale: true)
    ])
    #expect(try fixture.journal.orders(OrderQuery()).items.isEmpty)
    let refusals = try fixture.journal.decisions(DecisionQuery(outcome: .refused)).items
    #expect(refusals.map(\.reasonCode) == ["stale"])
  }

  @Test func aRefusalIsRecordedOnceWithItsReasonUntilItChanges() async throws {
    let fixture = try DeskFixture()
    try await fixture.desk.start()
    _ = await fixture.desk.startAutobuy()
    let weak = fixture.state(fixture.btc, price: 50_000, action: .buy, strength: 0.9, confidence: 0.65)
    for _ in 0..<3 { await fixture.desk.observe([weak]) }
    let refusals = try fixture.journal.decisions(DecisionQuery(outcome: .refused)).items
    #expect(refusals.count == 1)
    #expect(refusals.first?.reason == "refused: confidence 0.65 is below the minimum 0.70")
  }

  @Test func theCooldownRefusesAReentryAndNamesTheTimeItEnds() async throws {
    var configuration = DeskFixture.paperConfiguration()
    configuration.risk.takeProfitPercent = 1
    let fixture = try DeskFixture(configuration: configuration)
    try await fixture.desk.start()
    _ = await fixture.desk.startAutobuy()
    let buy = { (price: Decimal) in
      fixture.state(fixture.btc, price: price, action: .buy, strength: 0.9, confidence: 0.9)
    }
    await fixture.desk.observe([buy(50_000)])  // buys at 16:06:40
    fixture.clock.advance(by: 60)
    await fixture.desk.observe([buy(50_500)])  // +1 %: take-profit sells at 16:07:40
    fixture.clock.advance(by: 60)
    await fixture.desk.observe([buy(50_500)])  // within 300 s of the sell
    let orders = try fixture.journal.orders(OrderQuery()).items
    #expect(orders.map(\.side) == [.sell, .buy])
    #expect(orders.first?.origin == .exit)
    #expect(orders.first?.reason.hasPrefix("take-profit") == true)
    let refusal = try #require(try fixture.journal.decisions(DecisionQuery(outcome: .refused)).items.first)
    #expect(refusal.reason == "refused: cooldown until 16:12:40")
    let info = try await fixture.desk.info()
    #expect(info.totals.realizedPnl > 0)
    #expect(info.totals.wins == 1)
    #expect(info.totals.reasons["cooldown"] == 1)
  }

  @Test func theStopLossSellsTheWholePositionAndRealisesTheLoss() async throws {
    let fixture = try DeskFixture()
    try await fixture.desk.start()
    _ = await fixture.desk.startAutobuy()
    await fixture.desk.observe([fixture.state(fixture.eth, price: 2_000, action: .buy, strength: 0.9, confidence: 0.7)])
    // 10 USD at 2,000 = 0.005 ETH; −5 % → 1,900 triggers the stop-loss.
    await fixture.desk.observe([fixture.state(fixture.eth, price: 1_900)])
    let positions = try await fixture.desk.positions(includeClosed: true)
    #expect(positions.count == 1)
    #expect(positions.first?.position.closedAt != nil)
    #expect(positions.first?.position.realizedPnl == Decimal(string: "-0.5"))
    let sell = try #require(try fixture.journal.orders(OrderQuery()).items.first)
    #expect(sell.reason == "stop-loss: price 1900 ≤ 1900")
    let decisions = try fixture.journal.decisions(DecisionQuery(symbol: "ETH-USD")).items
    #expect(decisions.map(\.side) == [.sell, .buy])
    #expect(decisions.map(\.realizedPnl) == [Decimal(string: "-0.5"), nil])
    await #expect(throws: EngineError.self) { try await fixture.desk.positions(symbol: "ETH-EUR") }
    await #expect(throws: EngineError.self) { try await fixture.desk.orders(OrderQuery(symbol: "nope")) }
  }

  @Test func theDailyLossLimitStopsBuyingUntilMidnight() async throws {
    var configuration = DeskFixture.paperConfiguration()
    configuration.risk.dailyLossLimit = 10
    configuration.risk.stopLossPercent = 50
    configuration.strategy.cooldownPeriod = 1
    let fixture = try DeskFixture(configuration: configuration)
    try await fixture.desk.start()
    _ = await fixture.desk.startAutobuy()
    let (_, events) = fixture.events.subscribe(TradeEventHub.Filter(includeRefused: true))
    // Buy 5,005 of BTC at 50,000, then the stop-loss at −50 % loses 2,502.50 ≥ 10.
    await fixture.desk.observe([
      fixture.state(fixture.btc, price: 50_000, action: .buy, strength: 0.9, confidence: 0.825)
    ])
    fixture.clock.advance(by: 10)
    await fixture.desk.observe([fixture.state(fixture.btc, price: 25_000)])
    fixture.clock.advance(by: 10)
    await fixture.desk.observe([fixture.state(fixture.btc, price: 25_000, action: .buy, strength: 0.9, confidence: 0.9)]
    )
    let state = await fixture.desk.autobuyState
    #expect(state.killSwitchActive)
    #expect(state.running)
    let refusal = try #require(try fixture.journal.decisions(DecisionQuery(outcome: .refused)).items.first)
    #expect(refusal.reasonCode == "daily_loss_limit")
    #expect(refusal.reason.contains("until 00:00:00 UTC"))
    fixture.events.finishAll()
    var sawKillSwitch = false
    for await event in events {
      if case .autobuy(let change) = event, change.killSwitchActive { sawKillSwitch = true }
    }
    #expect(sawKillSwitch)
  }
}
