import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

@Suite struct TradeJournalOrderTests {
  @Test func anOrderWithEveryFieldAndAwkwardDecimalsReadsBackExactly() throws {
    let journal = try TradeJournal.inMemory()
    let order = JournalFixtures.everyFieldOrder()
    try journal.insertIntent(order)
    let read = try #require(try journal.order(clientOrderId: order.clientOrderId))
    #expect(read == order)
    #expect(read.fills.map(\.tradeId) == ["t-1", "t-2"])
    #expect(read.fills[0].price.description == "1234567890123456789.0123456789012345678")
    #expect(read.fills[0].baseQuantity.description == "0.000000000000000001")
    #expect(read.limitPrice?.description == "0.00000001")
    #expect(read.amount == .base(Decimal(string: "12345678.12345678")!))
    #expect(read.createdAt.seconds == 1_700_000_000.123456)
    #expect(try journal.order(clientOrderId: "absent") == nil)
  }

  @Test func aSecondIntentWithTheSameClientOrderIdIsRejectedAndChangesNothing() throws {
    let journal = try TradeJournal.inMemory()
    let first = JournalFixtures.order("dup-1")
    try journal.insertIntent(first)
    var second = JournalFixtures.order("dup-1", amount: .quote(99))
    second.reason = "another"
    #expect(throws: JournalError.duplicateClientOrderId("dup-1")) { try journal.insertIntent(second) }
    #expect(try journal.order(clientOrderId: "dup-1") == first)
  }

  @Test func saveUpdatesTheOrderAndStoresEachFillOnce() throws {
    let journal = try TradeJournal.inMemory()
    var order = JournalFixtures.order("save-1")
    try journal.insertIntent(order)
    order.status = .partiallyFilled
    order.exchangeOrderId = "ex-1"
    let first = JournalFixtures.fill("t1", of: order, at: 1)
    order.apply(first)
    #expect(try journal.save(order) == [first])
    #expect(try journal.save(order) == [])  // saving again inserts nothing
    let second = JournalFixtures.fill("t2", of: order, at: 2)
    order.apply(second)
    order.status = .filled
    #expect(try journal.save(order) == [second])
    #expect(try journal.order(clientOrderId: "save-1") == order)
    #expect(try journal.allFills() == [first, second])
  }

  @Test func saveOfAnUnknownOrderThrows() throws {
    let journal = try TradeJournal.inMemory()
    #expect(throws: JournalError.unknownOrder("nope")) { try journal.save(JournalFixtures.order("nope")) }
  }

  @Test func aSaveThatFailsHalfwayWritesNothing() throws {
    let journal = try TradeJournal.inMemory()
    var order = JournalFixtures.order("atomic-1")
    try journal.insertIntent(order)
    order.status = .filled
    order.apply(JournalFixtures.fill("t1", of: order, fee: .nan, feeAsset: "BTC"))  // the fill cannot be stored
    #expect(throws: JournalError.self) { try journal.save(order) }
    #expect(try journal.order(clientOrderId: "atomic-1")?.status == .intent)
    #expect(try journal.allFills().isEmpty)
  }

  @Test func nonFinalOrdersAreListedOldestFirst() throws {
    let journal = try TradeJournal.inMemory()
    let statuses: [OrderStatus] = [.filled, .open, .intent, .cancelled, .submitted, .partiallyFilled, .rejected]
    for (index, status) in statuses.enumerated() {
      var order = JournalFixtures.order("nf-\(index)", at: Double(10 - index))
      try journal.insertIntent(order)
      order.status = status
      try journal.save(order)
    }
    #expect(try journal.nonFinalOrders().map(\.clientOrderId) == ["nf-5", "nf-4", "nf-2", "nf-1"])
  }

  @Test func allFillsAreInExecutionOrderAcrossOrders() throws {
    let journal = try TradeJournal.inMemory()
    var a = JournalFixtures.order("a")
    var b = JournalFixtures.order("b")
    try journal.insertIntent(a)
    try journal.insertIntent(b)
    a.apply(JournalFixtures.fill("a1", of: a, at: 5))
    b.apply(JournalFixtures.fill("b1", of: b, at: 3))
    b.apply(JournalFixtures.fill("b2", of: b, at: 5))
    try journal.save(b)
    try journal.save(a)
    #expect(try journal.allFills().map(\.tradeId) == ["b1", "b2", "a1"])
  }

  @Test func orderCountsPerSymbolWithFailureCodes() throws {
    let journal = try TradeJournal.inMemory()
    func add(_ id: String, _ symbol: String, _ status: OrderStatus, fill: Bool = false, code: String? = nil) throws {
      var order = JournalFixtures.order(id, symbol: symbol)
      try journal.insertIntent(order)
      order.status = status
      if fill { order.apply(JournalFixtures.fill("t-\(id)", of: order, base: JournalFixtures.attoUnit)) }
      try journal.save(order, failureCode: code)
    }
    try add("1", "BTC-USD", .filled, fill: true)
    try add("2", "BTC-USD", .cancelled, fill: true)
    try add("3", "BTC-USD", .rejected, code: "INSUFFICIENT_FUND")
    try add("4", "BTC-USD", .failed, code: "timeout")
    try add("5", "BTC-USD", .rejected, code: "INSUFFICIENT_FUND")
    try add("6", "ETH-USD", .failed)
    try add("7", "ETH-USD", .intent)
    let counts = try journal.orderCounts()
    #expect(
      counts["BTC-USD"]
        == OrderCounts(attempted: 5, succeeded: 2, failed: 3, failureReasons: ["INSUFFICIENT_FUND": 2, "timeout": 1]))
    #expect(
      counts["ETH-USD"]
        == OrderCounts(attempted: 2, succeeded: 0, failed: 1, failureReasons: [OrderCounts.unknownFailureCode: 1]))
  }

  @Test func aLaterSaveWithoutACodeKeepsTheStoredFailureCode() throws {
    let journal = try TradeJournal.inMemory()
    var order = JournalFixtures.order("code-1")
    try journal.insertIntent(order)
    order.status = .rejected
    try journal.save(order, failureCode: "-2010")
    order.failureReason = "Account has insufficient balance"
    try journal.save(order)
    #expect(try journal.orderCounts()["BTC-USD"]?.failureReasons == ["-2010": 1])
  }
}
