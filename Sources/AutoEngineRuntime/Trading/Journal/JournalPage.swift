/// One page of a journal listing, newest first.
///
/// Listings page by key (the row's time and its insertion sequence), not by offset: a token
/// handed out keeps pointing after the last item it was made from, however many rows are written
/// meanwhile, so no item is skipped or shown twice across pages.
public struct JournalPage<Item: Sendable>: Sendable {
  /// The items of this page, at most the query's limit.
  public var items: [Item]
  /// Opaque token for the next page; nil when this page is the last.
  public var nextPageToken: String?

  /// Creates a page.
  public init(items: [Item], nextPageToken: String?) {
    self.items = items
    self.nextPageToken = nextPageToken
  }
}

extension JournalPage: Equatable where Item: Equatable {}
