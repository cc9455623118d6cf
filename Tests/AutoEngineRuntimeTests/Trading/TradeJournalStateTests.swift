import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

@Suite struct TradeJournalStateTests {
  @Test func stateValuesAreSetReplacedAndRemoved() throws {
    let journal = try TradeJournal.inMemory()
    #expect(try journal.state("autobuy.started_at") == nil)
    try journal.setState("autobuy.started_at", "1700000000.5")
    try journal.setState("autobuy.started_at", "1700000001")
    try journal.setState("other", "")
    #expect(try journal.state("autobuy.started_at") == "1700000001")
    #expect(try journal.state("other") == "")
    try journal.setState("autobuy.started_at", nil)
    #expect(try journal.state("autobuy.started_at") == nil)
  }

  @Test func highestPricesAreExactAndNilDeletes() throws {
    let journal = try TradeJournal.inMemory()
    try journal.setHighestPrice(JournalFixtures.longMantissa, symbol: "BTC-USD")
    try journal.setHighestPrice(Decimal(string: "0.00000001")!, symbol: "SHIB-USD")
    try journal.setHighestPrice(Decimal(string: "0.00000002")!, symbol: "SHIB-USD")
    #expect(
      try journal.highestPrices() == [
        "BTC-USD": JournalFixtures.longMantissa, "SHIB-USD": Decimal(string: "0.00000002")!,
      ])
    try journal.setHighestPrice(nil, symbol: "BTC-USD")
    try journal.setHighestPrice(nil, symbol: "never-set")
    #expect(try journal.highestPrices() == ["SHIB-USD": Decimal(string: "0.00000002")!])
  }

  @Test func aNaNPriceIsRefusedRatherThanStoredUnreadable() throws {
    let journal = try TradeJournal.inMemory()
    #expect(throws: JournalError.self) { try journal.setHighestPrice(.nan, symbol: "BTC-USD") }
    #expect(try journal.highestPrices().isEmpty)
  }
}
