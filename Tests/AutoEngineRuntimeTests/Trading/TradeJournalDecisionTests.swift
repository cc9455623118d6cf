import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

@Suite struct TradeJournalDecisionTests {
  @Test func aDecisionWithEveryFieldReadsBackExactly() throws {
    let journal = try TradeJournal.inMemory()
    let decision = TradeDecision(
      id: "dec-1", time: UnixTime(seconds: 1_700_000_000.25), symbol: "ETHUSDT", exchange: .binanceUS, side: .sell,
      outcome: .failed, origin: .exit, reason: "rejected: -2010, \"balance\"", reasonCode: "-2010",
      clientOrderId: "co-1", quoteAmount: Decimal(string: "12345678.12345678")!, baseAmount: JournalFixtures.attoUnit,
      price: JournalFixtures.longMantissa, signal: SignalSnapshot(action: .sell, strength: 0.71, confidence: 0.8125),
      topStrategies: ["P37", "P12", "a,b \"quoted\""])
    try journal.record(decision)
    try journal.record(decision)  // a retried record is not a second decision
    let page = try journal.decisions(DecisionQuery())
    #expect(page.items == [decision])
    #expect(page.nextPageToken == nil)
  }

  @Test func filtersBySymbolOutcomeAndSinceNewestFirst() throws {
    let journal = try TradeJournal.inMemory()
    try journal.record(JournalFixtures.decision("d1", at: 1))
    try journal.record(JournalFixtures.decision("d2", symbol: "ETH-USD", at: 2))
    try journal.record(JournalFixtures.decision("d3", outcome: .executed, at: 3))
    try journal.record(JournalFixtures.decision("d4", outcome: .failed, reasonCode: "timeout", at: 4))
    try journal.record(JournalFixtures.decision("d5", at: 5))
    func ids(_ query: DecisionQuery) throws -> [String] { try journal.decisions(query).items.map(\.id) }
    #expect(try ids(DecisionQuery()) == ["d5", "d4", "d3", "d2", "d1"])
    #expect(try ids(DecisionQuery(symbol: "BTC-USD")) == ["d5", "d4", "d3", "d1"])
    #expect(try ids(DecisionQuery(outcome: .refused)) == ["d5", "d2", "d1"])
    #expect(try ids(DecisionQuery(since: JournalFixtures.time(3))) == ["d5", "d4", "d3"])
    #expect(
      try ids(DecisionQuery(symbol: "BTC-USD", outcome: .refused, since: JournalFixtures.time(1))) == ["d5", "d1"])
  }

  @Test func decisionPagesFollowEachOther() throws {
    let journal = try TradeJournal.inMemory()
    for index in 0..<7 { try journal.record(JournalFixtures.decision("d\(index)", at: Double(index / 2))) }
    var seen: [String] = []
    var token: String?
    repeat {
      let page = try journal.decisions(DecisionQuery(limit: 3, pageToken: token))
      seen += page.items.map(\.id)
      token = page.nextPageToken
    } while token != nil
    #expect(seen == ["d6", "d5", "d4", "d3", "d2", "d1", "d0"])
    #expect(throws: JournalError.invalidPageToken("d.x.1")) { try journal.decisions(DecisionQuery(pageToken: "d.x.1")) }
  }

  @Test func refusalCountsAndPruningKeepTheNewestRefusals() throws {
    let journal = try TradeJournal.inMemory()
    try journal.record(JournalFixtures.decision("r1", reasonCode: "cooldown", at: 1))
    try journal.record(JournalFixtures.decision("r2", reasonCode: "confidence", at: 2))
    try journal.record(JournalFixtures.decision("r3", symbol: "ETH-USD", reasonCode: "cooldown", at: 3))
    try journal.record(JournalFixtures.decision("x1", outcome: .executed, at: 4))
    try journal.record(JournalFixtures.decision("r4", reasonCode: "cooldown", at: 5))
    try journal.record(JournalFixtures.decision("f1", outcome: .failed, reasonCode: "timeout", at: 0))
    #expect(
      try journal.refusalCounts() == ["BTC-USD": ["cooldown": 2, "confidence": 1], "ETH-USD": ["cooldown": 1]])
    #expect(try journal.pruneRefusals(keep: 2) == 2)
    #expect(try journal.decisions(DecisionQuery()).items.map(\.id) == ["r4", "x1", "r3", "f1"])
    #expect(try journal.refusalCounts() == ["BTC-USD": ["cooldown": 1], "ETH-USD": ["cooldown": 1]])
    #expect(try journal.pruneRefusals(keep: 5) == 0)
    #expect(try journal.pruneRefusals(keep: -1) == 2)
    #expect(try journal.decisions(DecisionQuery()).items.map(\.id) == ["x1", "f1"])
  }
}
