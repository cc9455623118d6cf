public import AutoEngineCore
internal import GRDB

extension TradeJournal {
  /// Journals a new order — the intent, before it is sent — with any fills it already has.
  ///
  /// Never overwrites: the client order id is unique in the journal.
  ///
  /// - Throws: `.duplicateClientOrderId` when an order with its client order id is journalled
  ///   (nothing is written); `.storage` when the write fails.
  public func insertIntent(_ order: Order) throws(JournalError) {
    try database.write { db in try OrderTable.journal.insert(order, failureCode: nil, in: db) }
  }

  /// Saves the changes of a journalled order and its new fills, in one transaction.
  ///
  /// Updates the row's status, exchange order id, limit price, filled totals, fees, failure reason
  /// and `updatedAt` (the identity fields written by `insertIntent(_:)` never change), and inserts
  /// those of `order.fills` not yet stored — a fill already journalled (same order and trade id)
  /// is skipped, so saving twice changes nothing.
  ///
  /// - Parameters:
  ///   - order: The order as it is now.
  ///   - failureCode: A short code for statistics when the order was rejected or failed, e.g.
  ///     `INSUFFICIENT_FUND`, `-2010`, `timeout` (`Order` has no such field: the desk takes it from
  ///     `BrokerError.rejected(code:…)`). Nil keeps the code already stored.
  /// - Returns: The fills newly inserted, in `order.fills` order.
  /// - Throws: `.unknownOrder` when no order with its client order id is journalled.
  @discardableResult
  public func save(_ order: Order, failureCode: String? = nil) throws(JournalError) -> [Fill] {
    try database.write { db in try OrderTable.journal.update(order, failureCode: failureCode, in: db) }
  }

  /// The order with `clientOrderId` and its fills (oldest first), or nil when none is journalled.
  public func order(clientOrderId: String) throws(JournalError) -> Order? {
    try database.read { db in try OrderTable.journal.order(clientOrderId: clientOrderId, in: db) }
  }

  /// One page of orders, newest first (`createdAt` descending, then insertion descending), with
  /// the query's filters; `nextPageToken` continues after the page's last order.
  ///
  /// - Throws: `.invalidPageToken` for a token this listing did not hand out.
  public func orders(_ query: OrderQuery) throws(JournalError) -> JournalPage<Order> {
    var conditions: [String] = []
    var arguments: StatementArguments = []
    if let symbol = query.symbol {
      conditions.append("symbol = ?")
      arguments += [symbol]
    }
    if let statuses = query.acceptedStatuses {
      guard !statuses.isEmpty else { return JournalPage(items: [], nextPageToken: nil) }
      let sorted = statuses.map(\.rawValue).sorted()
      conditions.append("status IN (\(Array(repeating: "?", count: sorted.count).joined(separator: ", ")))")
      arguments += StatementArguments(sorted)
    }
    if let text = query.pageToken {
      let token = try PageToken(parsing: text, listing: .orders)
      conditions.append("(created_at < ? OR (created_at = ? AND id < ?))")
      arguments += [token.time, token.time, token.sequence]
    }
    let limit = query.clampedLimit
    let rows = try database.read { db in
      try OrderTable.journal.orders(
        where: conditions.joined(separator: " AND "), arguments: arguments, orderedBy: "created_at DESC, id DESC",
        limit: limit + 1, in: db)
    }
    let page = rows.prefix(limit)
    var next: String?
    if rows.count > limit, let last = page.last {
      next = PageToken(listing: .orders, time: last.order.createdAt.seconds, sequence: last.rowID).text
    }
    return JournalPage(items: page.map(\.order), nextPageToken: next)
  }

  /// Every order not in a final state (intent, submitted, open, partially filled), oldest first —
  /// what start-up reconciles with the exchanges.
  ///
  /// Rows are selected by "status is not a final one", so a row whose status is damaged is not
  /// silently left out: it makes the call throw `.corrupt` naming it.
  public func nonFinalOrders() throws(JournalError) -> [Order] {
    let finals = OrderStatus.allCases.filter(\.isFinal).map { "'\($0.rawValue)'" }.joined(separator: ", ")
    return try database.read { db in
      try OrderTable.journal.orders(where: "status NOT IN (\(finals))", in: db).map(\.order)
    }
  }

  /// Every journalled fill in execution order (time, then insertion) — the position book is
  /// rebuilt from these.
  public func allFills() throws(JournalError) -> [Fill] {
    try database.read { db in try OrderTable.journal.allFills(in: db) }
  }

  /// Order counts per symbol for statistics.
  ///
  /// `attempted` counts every order; `succeeded` those with a filled base quantity > 0; `failed`
  /// those rejected or failed, by the failure code given to `save(_:failureCode:)`
  /// (`OrderCounts.unknownFailureCode` when none was).
  public func orderCounts() throws(JournalError) -> [String: OrderCounts] {
    let failedStatuses = "'\(OrderStatus.rejected.rawValue)', '\(OrderStatus.failed.rawValue)'"
    return try database.read { db in
      var counts: [String: OrderCounts] = [:]
      let totals = try Row.fetchAll(
        db,
        sql: """
          SELECT symbol, COUNT(*) AS attempted, SUM(CAST(filled_base AS REAL) > 0) AS succeeded,
            SUM(status IN (\(failedStatuses))) AS failed
          FROM orders GROUP BY symbol
          """)
      for row in totals.map({ StoredRow($0, table: "orders", label: "symbol group") }) {
        counts[try row.text("symbol")] = OrderCounts(
          attempted: Int(try row.integer("attempted")), succeeded: Int(try row.integer("succeeded")),
          failed: Int(try row.integer("failed")))
      }
      let reasons = try Row.fetchAll(
        db,
        sql: """
          SELECT symbol, COALESCE(NULLIF(failure_code, ''), ?) AS code, COUNT(*) AS count
          FROM orders WHERE status IN (\(failedStatuses)) GROUP BY 1, 2
          """, arguments: [OrderCounts.unknownFailureCode])
      for row in reasons.map({ StoredRow($0, table: "orders", label: "failure code group") }) {
        counts[try row.text("symbol"), default: OrderCounts()].failureReasons[try row.text("code")] =
          Int(try row.integer("count"))
      }
      return counts
    }
  }
}
