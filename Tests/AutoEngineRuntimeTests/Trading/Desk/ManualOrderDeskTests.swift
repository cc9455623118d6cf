import AutoEngineCore
import FoundationEssentials
import Testing

@testable import AutoEngineRuntime

/// Manual orders go through the same limits and journal as autobuy, with errors naming the problem.
@Suite struct ManualOrderDeskTests {
  func placing(_ request: ManualOrder, fixture: DeskFixture) async -> EngineError? {
    do {
      _ = try await fixture.desk.place(request)
      return nil
    } catch {
      return error
    }
  }

  @Test func badRequestsAreRefusedWithTheReason() async throws {
    let fixture = try DeskFixture()
    try await fixture.desk.start()
    await fixture.desk.observe([fixture.state(fixture.btc, price: 100)])
    let cases: [(ManualOrder, EngineError.Code, String)] = [
      (ManualOrder(symbol: "DOGEEUR", side: .buy, quoteAmount: 10), .notFound, "unknown symbol 'DOGEEUR'"),
      (ManualOrder(symbol: "BTCUSDT", side: .buy), .invalidArgument, "exactly one of quoteAmount and baseAmount"),
      (ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 10, baseAmount: 1), .invalidArgument, "exactly one"),
      (ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: -5), .invalidArgument, "positive"),
      (ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 5), .invalidArgument, "must be worth 10–10000 USDT"),
      (ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 10, type: .limit), .invalidArgument, "limitPrice"),
      (ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 10, limitPrice: 5), .invalidArgument, "MARKET"),
      (ManualOrder(symbol: "BTCUSDT", side: .sell, baseAmount: 1), .insufficientFunds, "the position holds 0"),
      (ManualOrder(symbol: "ETHUSDT", side: .buy, quoteAmount: 10), .unavailable, "no fresh price"),
      (
        ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 10, clientOrderId: "has spaces"), .invalidArgument,
        "clientOrderId"
      ),
    ]
    for (request, code, text) in cases {
      let error = await placing(request, fixture: fixture)
      #expect(error?.code == code, "\(request)")
      #expect(error?.message.contains(text) == true, "\(error?.message ?? "no error") should contain \(text)")
    }
    #expect(try fixture.journal.orders(OrderQuery()).items.isEmpty)
  }

  @Test func aPriceThatStoppedArrivingIsStaleWithoutANewState() async throws {
    let fixture = try DeskFixture()
    try await fixture.desk.start()
    await fixture.desk.observe([fixture.state(fixture.btc, price: 100)])
    // No state for longer than the stale limit (3 × 10 s): e.g. the system was stopped.
    fixture.clock.advance(by: 31)
    let error = await placing(ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 20), fixture: fixture)
    #expect(error?.code == .unavailable)
    #expect(error?.message.contains("stale") == true)
    #expect(try fixture.journal.orders(OrderQuery()).items.isEmpty)
  }

  @Test func aRepeatedClientOrderIdAnswersWithTheFirstOrder() async throws {
    let fixture = try DeskFixture()
    try await fixture.desk.start()
    await fixture.desk.observe([fixture.state(fixture.btc, price: 100)])
    let request = ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 20, clientOrderId: "my-order-1")
    let first = try await fixture.desk.place(request)
    let again = try await fixture.desk.place(request)
    #expect(first.clientOrderId == "my-order-1")
    #expect(again == first)
    #expect(try fixture.journal.orders(OrderQuery()).items.count == 1)
  }

  @Test func aBuyBeyondTheBalanceIsJournalledAsRejectedAndReported() async throws {
    var configuration = DeskFixture.paperConfiguration()
    configuration.trading.paperStartingBalance = 15
    let fixture = try DeskFixture(configuration: configuration)
    try await fixture.desk.start()
    await fixture.desk.observe([fixture.state(fixture.btc, price: 100)])
    let error = await placing(ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 20), fixture: fixture)
    #expect(error?.code == .insufficientFunds)
    let order = try #require(try fixture.journal.orders(OrderQuery()).items.first)
    #expect(order.status == .rejected)
    let info = try await fixture.desk.info()
    #expect(info.totals.failed == 1)
    #expect(info.totals.reasons["INSUFFICIENT_FUND"] == 1)
  }

  @Test func paperBalancesMoveByValueAndFeesExactly() async throws {
    var configuration = EngineConfiguration.defaults
    configuration.trading.paperFeePercent = 0.1
    configuration.trading.paperSlippagePercent = 0.05
    let fixture = try DeskFixture(configuration: configuration)
    try await fixture.desk.start()
    await fixture.desk.observe([fixture.state(fixture.btc, price: 50_000)])
    _ = try await fixture.desk.place(ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 100))
    await fixture.desk.observe([fixture.state(fixture.btc, price: 51_000)])
    _ = try await fixture.desk.place(
      ManualOrder(symbol: "BTCUSDT", side: .sell, baseAmount: Decimal(string: "0.001999")))
    // The round trip of PaperFillModelTests: −100.09997498 then +101.79612747.
    let info = try await fixture.desk.info()
    #expect(info.totals.realizedPnl == Decimal(string: "1.69615249"))
    let balances = try fixture.journal.paperVenue.cashFlows()
    #expect(balances["USDT"] == Decimal(string: "1.69615249"))
  }
}
