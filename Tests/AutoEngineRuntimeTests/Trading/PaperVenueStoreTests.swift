import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

@Suite struct PaperVenueStoreTests {
  @Test func insertIfAbsentGuardsAgainstASecondOrderWithTheSameClientOrderId() throws {
    let venue = try TradeJournal.inMemory().paperVenue
    let first = JournalFixtures.order("pv-1")
    let inserted = try venue.insertIfAbsent(first)
    #expect(inserted.inserted)
    #expect(inserted.order == first)
    var again = JournalFixtures.order("pv-1", amount: .quote(999))
    again.reason = "a resend after a timeout"
    let duplicate = try venue.insertIfAbsent(again)
    #expect(!duplicate.inserted)
    #expect(duplicate.order == first)
    #expect(try venue.order(clientOrderId: "pv-1") == first)
  }

  @Test func theVenueBookIsSeparateFromTheJournalsOrders() throws {
    let journal = try TradeJournal.inMemory()
    _ = try journal.paperVenue.insertIfAbsent(JournalFixtures.order("shared-id"))
    #expect(try journal.order(clientOrderId: "shared-id") == nil)
    try journal.insertIntent(JournalFixtures.order("shared-id"))  // no clash with the venue's row
    #expect(try journal.allFills().isEmpty)
  }

  @Test func saveStoresStatusAndNewFillsAndOpenOrdersAreTheNonFinalOnes() throws {
    let venue = try TradeJournal.inMemory().paperVenue
    var resting = JournalFixtures.order("limit-1", at: 1)
    resting.status = .open
    _ = try venue.insertIfAbsent(resting)
    var market = JournalFixtures.order("market-1", at: 2)
    _ = try venue.insertIfAbsent(market)
    market.apply(JournalFixtures.fill("m1", of: market))
    market.status = .filled
    try venue.save(market)
    try venue.save(market)
    #expect(try venue.order(clientOrderId: "market-1") == market)
    #expect(try venue.openOrders().map(\.clientOrderId) == ["limit-1"])
    #expect(throws: JournalError.unknownOrder("ghost")) { try venue.save(JournalFixtures.order("ghost")) }
  }

  @Test func cashFlowsAndHoldingsComeFromEveryFillExactly() throws {
    let venue = try TradeJournal.inMemory().paperVenue
    var buy = JournalFixtures.order("buy-1")
    buy.apply(
      JournalFixtures.fill("b1", of: buy, base: Decimal(string: "0.000625")!, quote: 25, fee: Decimal(string: "0.03")!))
    buy.status = .filled
    _ = try venue.insertIfAbsent(buy)
    #expect(try venue.cashFlows() == ["USD": Decimal(string: "-25.03")!])
    #expect(try venue.holdings() == ["BTC": Decimal(string: "0.000625")!])

    var sell = JournalFixtures.order("sell-1", side: .sell, amount: .base(Decimal(string: "0.0005")!), at: 10)
    _ = try venue.insertIfAbsent(sell)
    sell.apply(
      JournalFixtures.fill(
        "s1", of: sell, price: 42_000, base: Decimal(string: "0.0002")!, quote: Decimal(string: "8.4")!,
        fee: Decimal(string: "0.0084")!, at: 11))
    sell.apply(
      JournalFixtures.fill(
        "s2", of: sell, price: 42_000, base: Decimal(string: "0.0003")!, quote: Decimal(string: "12.6")!,
        fee: Decimal(string: "0.001")!, feeAsset: "BNB", at: 12))
    var altBuy = JournalFixtures.order("alt-1", symbol: "ETHUSDT", base: "ETH", quote: "USDT", at: 20)
    altBuy.apply(
      JournalFixtures.fill(
        "e1", of: altBuy, price: 2_000, base: Decimal(string: "0.01")!, quote: 20, fee: JournalFixtures.attoUnit,
        feeAsset: "eth", at: 21))
    _ = try venue.insertIfAbsent(altBuy)
    try venue.save(sell)
    #expect(
      try venue.cashFlows() == ["USD": Decimal(string: "-4.0384")!, "USDT": Decimal(-20)])
    #expect(
      try venue.holdings() == [
        "BTC": Decimal(string: "0.000125")!, "BNB": Decimal(string: "-0.001")!,
        "ETH": Decimal(string: "0.009999999999999999")!,
      ])
  }
}
