import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

@Suite struct TradeJournalPagingTests {
  /// A journal with orders `p-0`…`p-(count-1)`, created a second apart except `p-14`…`p-16`,
  /// which share one time (so the rowid breaks the tie); even ones on BTC-USD, odd ones on ETH-USD.
  private func journal(orders count: Int) throws -> TradeJournal {
    let journal = try TradeJournal.inMemory()
    for index in 0..<count {
      let seconds = (14...16).contains(index) ? 14 : Double(index)
      var order = JournalFixtures.order(
        "p-\(index)", symbol: index.isMultiple(of: 2) ? "BTC-USD" : "ETH-USD", at: seconds)
      try journal.insertIntent(order)
      if index % 3 == 0 {
        order.status = .filled
        try journal.save(order)
      }
    }
    return journal
  }

  @Test func pagesAreNewestFirstAndTheirTokensStayValidAcrossInserts() throws {
    let journal = try journal(orders: 25)
    let first = try journal.orders(OrderQuery(limit: 10))
    #expect(first.items.map(\.clientOrderId) == (15..<25).reversed().map { "p-\($0)" })
    let token = try #require(first.nextPageToken)
    try journal.insertIntent(JournalFixtures.order("newer", at: 100))  // lands before page one, not in page two
    let second = try journal.orders(OrderQuery(limit: 10, pageToken: token))
    let secondToken = try #require(second.nextPageToken)
    let third = try journal.orders(OrderQuery(limit: 10, pageToken: secondToken))
    #expect(second.items.map(\.clientOrderId) == (5..<15).reversed().map { "p-\($0)" })
    #expect(third.items.map(\.clientOrderId) == (0..<5).reversed().map { "p-\($0)" })
    #expect(third.nextPageToken == nil)
    #expect(try journal.orders(OrderQuery(limit: 10, pageToken: token)) == second)  // the token is stable
  }

  @Test func filtersBySymbolStatusAndOpenOnly() throws {
    let journal = try journal(orders: 12)
    let btc = try journal.orders(OrderQuery(symbol: "BTC-USD", limit: 3))
    #expect(btc.items.map(\.clientOrderId) == ["p-10", "p-8", "p-6"])
    let btcRest = try journal.orders(OrderQuery(symbol: "BTC-USD", limit: 3, pageToken: btc.nextPageToken))
    #expect(btcRest.items.map(\.clientOrderId) == ["p-4", "p-2", "p-0"])
    let filled = try journal.orders(OrderQuery(statuses: [.filled]))
    #expect(filled.items.map(\.clientOrderId) == ["p-9", "p-6", "p-3", "p-0"])
    let open = try journal.orders(OrderQuery(symbol: "ETH-USD", openOnly: true))
    #expect(open.items.map(\.clientOrderId) == ["p-11", "p-7", "p-5", "p-1"])
    #expect(try journal.orders(OrderQuery(statuses: [.filled], openOnly: true)).items.isEmpty)
  }

  @Test func theLimitIsClampedToOneThroughAThousand() throws {
    let journal = try journal(orders: 3)
    #expect(try journal.orders(OrderQuery(limit: 0)).items.count == 1)
    #expect(try journal.orders(OrderQuery(limit: -5)).items.count == 1)
    #expect(try journal.orders(OrderQuery(limit: 1_000_000)).items.count == 3)
    #expect(OrderQuery(limit: 1_000_000).clampedLimit == 1000)
  }

  @Test(arguments: ["garbage", "", "o.zz.1", "o.41d954fc40000000", "o.41d954fc40000000.-1", "d.41d954fc40000000.3"])
  func aBadPageTokenIsAnError(token: String) throws {
    let journal = try journal(orders: 3)
    #expect(throws: JournalError.invalidPageToken(token)) { try journal.orders(OrderQuery(pageToken: token)) }
  }

  @Test func anOrdersTokenIsRefusedByTheDecisionListing() throws {
    let journal = try journal(orders: 3)
    let token = try #require(try journal.orders(OrderQuery(limit: 1)).nextPageToken)
    #expect(throws: JournalError.invalidPageToken(token)) { try journal.decisions(DecisionQuery(pageToken: token)) }
  }
}
