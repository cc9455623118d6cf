public import AutoEngineCore

/// Filters and paging of `TradeJournal.decisions(_:)`.
public struct DecisionQuery: Hashable, Sendable {
  /// The largest page a listing returns; larger limits are clamped to it.
  public static let maximumLimit = 1000

  /// Only decisions about this exchange symbol; nil for every symbol.
  public var symbol: String?
  /// Only decisions with this outcome; nil for every outcome.
  public var outcome: TradeOutcome?
  /// Only decisions made at or after this time; nil for no bound.
  public var since: UnixTime?
  /// Page size, 1…1000 (values outside are clamped); default 100.
  public var limit: Int
  /// `nextPageToken` of the previous page; nil for the first page.
  public var pageToken: String?

  /// Creates a query; with no arguments it lists the newest 100 decisions.
  public init(
    symbol: String? = nil, outcome: TradeOutcome? = nil, since: UnixTime? = nil, limit: Int = 100,
    pageToken: String? = nil
  ) {
    self.symbol = symbol
    self.outcome = outcome
    self.since = since
    self.limit = limit
    self.pageToken = pageToken
  }

  /// `limit` clamped to 1…`maximumLimit`.
  var clampedLimit: Int { Swift.min(Swift.max(limit, 1), Self.maximumLimit) }
}
