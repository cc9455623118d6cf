public import AutoEngineCore

/// Filters and paging of `TradeJournal.orders(_:)`.
public struct OrderQuery: Hashable, Sendable {
  /// The largest page a listing returns; larger limits are clamped to it.
  public static let maximumLimit = 1000

  /// Only orders of this exchange symbol, e.g. `BTC-USD`; nil for every symbol.
  public var symbol: String?
  /// Only orders in one of these states; empty for every state.
  public var statuses: Set<OrderStatus>
  /// Only orders that are not final (intent, submitted, open, partially filled); combined with
  /// `statuses` when both are given.
  public var openOnly: Bool
  /// Page size, 1…1000 (values outside are clamped); default 100.
  public var limit: Int
  /// `nextPageToken` of the previous page; nil for the first page.
  public var pageToken: String?

  /// Creates a query; with no arguments it lists the newest 100 orders.
  public init(
    symbol: String? = nil, statuses: Set<OrderStatus> = [], openOnly: Bool = false, limit: Int = 100,
    pageToken: String? = nil
  ) {
    self.symbol = symbol
    self.statuses = statuses
    self.openOnly = openOnly
    self.limit = limit
    self.pageToken = pageToken
  }

  /// `limit` clamped to 1…`maximumLimit`.
  var clampedLimit: Int { Swift.min(Swift.max(limit, 1), Self.maximumLimit) }

  /// The statuses a row must have; nil when every status is accepted.
  var acceptedStatuses: Set<OrderStatus>? {
    var accepted = statuses.isEmpty ? nil : statuses
    if openOnly { accepted = (accepted ?? Set(OrderStatus.allCases)).intersection(OrderStatus.nonFinal) }
    return accepted
  }
}
