import AutoEngineCore
import FoundationEssentials
import Testing

@testable import AutoEngineRuntime

/// Unknown outcomes, reconciliation and restarts: an order is never sent twice, never lost.
@Suite struct RecoveryDeskTests {
  @Test func anUnknownSubmitOutcomeIsLookedUpNotResent() async throws {
    let broker = ScriptedBroker()
    let fixture = try DeskFixture(broker: broker)
    try await fixture.desk.start()
    await fixture.desk.observe([fixture.state(fixture.btc, price: 100)])
    broker.failNextSubmitAfterAccepting(.unknownOutcome("HTTP 500"))
    let order = try await fixture.desk.place(ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 50))
    #expect(order.status == .filled)
    #expect(order.filledBase == Decimal(string: "0.5"))
    #expect(broker.calls.submits == 1)
    #expect(broker.calls.lookups >= 1)
  }

  @Test func anOrderWhoseOutcomeStaysUnknownIsReconciledLaterAndNeverResent() async throws {
    let broker = ScriptedBroker()
    let fixture = try DeskFixture(broker: broker)
    try await fixture.desk.start()
    await fixture.desk.observe([fixture.state(fixture.btc, price: 100)])
    broker.failNextSubmitAfterAccepting(.unknownOutcome("timeout"))
    broker.failLookups(.unavailable("connection refused"))
    let order = try await fixture.desk.place(ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 50))
    #expect(order.status == .submitted)
    #expect(try await fixture.desk.positions().isEmpty)
    broker.failLookups(nil)
    fixture.clock.advance(by: 6)
    await fixture.desk.reconcile()
    let stored = try #require(try fixture.journal.order(clientOrderId: order.clientOrderId))
    #expect(stored.status == .filled)
    #expect(try await fixture.desk.positions().count == 1)
    #expect(broker.calls.submits == 1)
  }

  @Test func aRestartRebuildsPositionsAndFailsIntentsTheExchangeNeverSaw() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("journal.sqlite").path
    let first = try DeskFixture(journal: TradeJournal(path: path))
    try await first.desk.start()
    await first.desk.observe([first.state(first.btc, price: 100)])
    let bought = try await first.desk.place(ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 40))
    #expect(bought.status == .filled)
    // An intent journalled just before a crash, never sent.
    let lost = Order(
      clientOrderId: "ae-crashed-1", coin: first.btc, side: .buy, amount: .quote(20), origin: .autobuy,
      reason: "test", createdAt: first.clock.now(), mode: .paper)
    try first.journal.insertIntent(lost)

    let second = try DeskFixture(journal: TradeJournal(path: path))
    let summary = try await second.desk.start()
    #expect(summary.notFound == 1)
    let positions = try await second.desk.positions()
    #expect(positions.map(\.position.baseQuantity) == [Decimal(string: "0.4")!])
    let failed = try #require(try second.journal.order(clientOrderId: "ae-crashed-1"))
    #expect(failed.status == .failed)
    #expect(failed.failureReason?.contains("never arrived") == true)
  }

  @Test func anOpenLimitOrderExpiresAfterTheTimeout() async throws {
    var configuration = DeskFixture.paperConfiguration()
    configuration.trading.openOrderTimeout = 60
    let fixture = try DeskFixture(configuration: configuration)
    try await fixture.desk.start()
    await fixture.desk.observe([fixture.state(fixture.btc, price: 100)])
    let order = try await fixture.desk.place(
      ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 50, type: .limit, limitPrice: 90))
    #expect(order.status == .open)
    fixture.clock.advance(by: 61)
    await fixture.desk.reconcile(force: true)
    let stored = try #require(try fixture.journal.order(clientOrderId: order.clientOrderId))
    #expect(stored.status == .expired)
    #expect(try await fixture.desk.info().openOrders.isEmpty)
  }

  @Test func aLimitOrderFillsWhenThePriceReachesIt() async throws {
    let fixture = try DeskFixture()
    try await fixture.desk.start()
    await fixture.desk.observe([fixture.state(fixture.btc, price: 100)])
    let order = try await fixture.desk.place(
      ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 45, type: .limit, limitPrice: 90))
    fixture.clock.advance(by: 6)
    await fixture.desk.observe([fixture.state(fixture.btc, price: 89)])
    let stored = try #require(try fixture.journal.order(clientOrderId: order.clientOrderId))
    #expect(stored.status == .filled)
    #expect(stored.averageFillPrice == 90)
    #expect(stored.filledBase == Decimal(string: "0.5"))
  }

  @Test func cancellingAnOpenOrderOfACoin() async throws {
    let fixture = try DeskFixture()
    try await fixture.desk.start()
    await fixture.desk.observe([fixture.state(fixture.btc, price: 100)])
    let order = try await fixture.desk.place(
      ManualOrder(symbol: "btcusdt", side: .buy, quoteAmount: 45, type: .limit, limitPrice: 90))
    let outcome = try await fixture.desk.cancelOrders(symbol: "BTCUSDT")
    #expect(outcome.cancelled.map(\.clientOrderId) == [order.clientOrderId])
    #expect(outcome.cancelled.first?.status == .cancelled)
    await #expect(throws: EngineError.self) { try await fixture.desk.cancelOrders(symbol: "NOPE-USD") }
  }
}
