import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

/// Values damaged on disk (written here with raw SQL) are errors naming table, column and row —
/// never a crash.
@Suite struct TradeJournalCorruptionTests {
  /// A journal holding order `bad-1` (with one fill) and decision `dec-1`, then damaged by `sql`.
  private func damagedJournal(_ sql: String) throws -> TradeJournal {
    let journal = try TradeJournal.inMemory()
    var order = JournalFixtures.order("bad-1")
    order.apply(JournalFixtures.fill("t-1", of: order))
    try journal.insertIntent(order)
    try journal.record(JournalFixtures.decision("dec-1"))
    try journal.setHighestPrice(1, symbol: "BTC-USD")
    try journal.executeRawSQL(sql)
    return journal
  }

  /// The message of the `.corrupt` error `body` throws; nil (and a recorded issue) otherwise.
  private func corruptMessage(_ body: () throws -> Void) -> String? {
    let error = #expect(throws: JournalError.self) { try body() }
    guard case .corrupt(let message) = error else {
      Issue.record("expected a corrupt error, got \(String(describing: error))")
      return nil
    }
    return message
  }

  @Test(arguments: [
    ("UPDATE orders SET limit_price = 'abc'", "orders.limit_price of order 'bad-1'", "'abc' is not a decimal"),
    ("UPDATE orders SET filled_base = '12abc'", "orders.filled_base of order 'bad-1'", "'12abc'"),
    ("UPDATE orders SET reason = X'0102'", "orders.reason of order 'bad-1'", "is not a text"),
    ("UPDATE orders SET status = 'lost'", "orders.status of order 'bad-1'", "'lost'"),
    ("UPDATE orders SET amount_kind = 'both'", "orders.amount_kind of order 'bad-1'", "'both'"),
    ("UPDATE orders SET created_at = 'yesterday'", "orders.created_at of order 'bad-1'", "not a finite number"),
    ("UPDATE fills SET price = '4e4'", "fills.price of fill 't-1'", "'4e4' is not a decimal"),
    ("UPDATE fills SET side = 'HOLD'", "fills.side of fill 't-1'", "'HOLD'"),
  ])
  func aDamagedOrderValueNamesItsColumnAndRow(sql: String, place: String, problem: String) throws {
    let journal = try damagedJournal(sql)
    let message = corruptMessage { _ = try journal.order(clientOrderId: "bad-1") }
    #expect(message?.contains(place) == true, "\(message ?? "")")
    #expect(message?.contains(problem) == true, "\(message ?? "")")
    #expect(corruptMessage { _ = try journal.nonFinalOrders() } == message)
    #expect(corruptMessage { _ = try journal.orders(OrderQuery()) } == message)
  }

  @Test func aDamagedFillBreaksTheFillListingWithItsName() throws {
    let journal = try damagedJournal("UPDATE fills SET base_quantity = 'x'")
    #expect(corruptMessage { _ = try journal.allFills() } == "fills.base_quantity of fill 't-1': 'x' is not a decimal")
  }

  @Test func damagedDecisionStateAndPriceValuesAreNamed() throws {
    let strategies = try damagedJournal("UPDATE decisions SET top_strategies = 'P1,P2'")
    #expect(
      corruptMessage { _ = try strategies.decisions(DecisionQuery()) }?.contains("decisions.top_strategies") == true)
    let action = try damagedJournal("UPDATE decisions SET signal_action = 'MAYBE'")
    #expect(
      corruptMessage { _ = try action.decisions(DecisionQuery()) }
        == "decisions.signal_action of decision 'dec-1': 'MAYBE' is not BUY, SELL or HOLD")
    let price = try damagedJournal("UPDATE highest_prices SET price = 'high'")
    #expect(
      corruptMessage { _ = try price.highestPrices() }
        == "highest_prices.price of symbol 'BTC-USD': 'high' is not a decimal")
  }
}
