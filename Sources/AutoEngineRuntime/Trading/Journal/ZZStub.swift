// TEMPORARY STUB — replaced by the helper's journal. Not committed.
public import AutoEngineCore
public import FoundationEssentials

public final class TradeJournal: Sendable {
  public init(path: String) throws(JournalError) { fatalError() }
  public static func inMemory() throws(JournalError) -> TradeJournal { fatalError() }
  public var path: String? { fatalError() }
  public func insertIntent(_ order: Order) throws(JournalError) { fatalError() }
  public func save(_ order: Order, failureCode: String? = nil) throws(JournalError) -> [Fill] { fatalError() }
  public func order(clientOrderId: String) throws(JournalError) -> Order? { fatalError() }
  public func orders(_ query: OrderQuery) throws(JournalError) -> JournalPage<Order> { fatalError() }
  public func nonFinalOrders() throws(JournalError) -> [Order] { fatalError() }
  public func allFills() throws(JournalError) -> [Fill] { fatalError() }
  public func orderCounts() throws(JournalError) -> [String: OrderCounts] { fatalError() }
  public func record(_ decision: TradeDecision) throws(JournalError) { fatalError() }
  public func decisions(_ query: DecisionQuery) throws(JournalError) -> JournalPage<TradeDecision> { fatalError() }
  public func refusalCounts() throws(JournalError) -> [String: [String: Int]] { fatalError() }
  public func pruneRefusals(keep: Int) throws(JournalError) -> Int { fatalError() }
  public func state(_ key: String) throws(JournalError) -> String? { fatalError() }
  public func setState(_ key: String, _ value: String?) throws(JournalError) { fatalError() }
  public func highestPrices() throws(JournalError) -> [String: Decimal] { fatalError() }
  public func setHighestPrice(_ price: Decimal?, symbol: String) throws(JournalError) { fatalError() }
  public var paperVenue: PaperVenueStore { fatalError() }
}
public struct PaperVenueStore: Sendable {
  public func insertIfAbsent(_ order: Order) throws(JournalError) -> (order: Order, inserted: Bool) { fatalError() }
  public func save(_ order: Order) throws(JournalError) { fatalError() }
  public func order(clientOrderId: String) throws(JournalError) -> Order? { fatalError() }
  public func openOrders() throws(JournalError) -> [Order] { fatalError() }
  public func cashFlows() throws(JournalError) -> [String: Decimal] { fatalError() }
  public func holdings() throws(JournalError) -> [String: Decimal] { fatalError() }
}
public struct OrderQuery: Sendable {
  public var symbol: String?
  public var statuses: Set<OrderStatus> = []
  public var openOnly = false
  public var limit = 100
  public var pageToken: String?
  public init(symbol: String? = nil, statuses: Set<OrderStatus> = [], openOnly: Bool = false, limit: Int = 100, pageToken: String? = nil) {}
}
public struct DecisionQuery: Sendable {
  public var symbol: String?
  public var outcome: TradeOutcome?
  public var since: UnixTime?
  public var limit = 100
  public var pageToken: String?
  public init(symbol: String? = nil, outcome: TradeOutcome? = nil, since: UnixTime? = nil, limit: Int = 100, pageToken: String? = nil) {}
}
public struct JournalPage<Item: Sendable>: Sendable { public var items: [Item]; public var nextPageToken: String? }
public struct OrderCounts: Hashable, Sendable { public var attempted = 0, succeeded = 0, failed = 0; public var failureReasons: [String: Int] = [:] }
public enum JournalError: Error, Hashable, Sendable, CustomStringConvertible {
  case duplicateClientOrderId(String), unknownOrder(String), invalidPageToken(String), corrupt(String), storage(String)
  public var description: String { "" }
}
