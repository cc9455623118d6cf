internal import AutoEngineCore
internal import FoundationEssentials
internal import GRDB

/// Reads and writes orders and their fills in one pair of tables: `orders`/`fills` (the
/// journal) or `paper_orders`/`paper_fills` (the paper venue).
///
/// The order row keeps the identity fields written once by `insert` (symbol, side, amount,
/// origin, reason, created_at, mode…) and the fields `update` changes (status, exchange id,
/// totals, fees, failure, updated_at). Every function runs inside the caller's transaction.
struct OrderTable: Sendable {
  /// Name of the orders table.
  let orders: String
  /// Name of the fills table.
  let fills: String

  /// The trade journal's tables.
  static let journal = OrderTable(orders: "orders", fills: "fills")
  /// The paper broker's exchange-side tables.
  static let paperVenue = OrderTable(orders: "paper_orders", fills: "paper_fills")

  /// Inserts `order` and its fills; throws `.duplicateClientOrderId` when its id is taken.
  func insert(_ order: Order, failureCode: String?, in db: Database) throws {
    let label = "order '\(order.clientOrderId)'"
    let amountKind = order.amount.quoteAmount != nil ? "quote" : "base"
    let amount = order.amount.quoteAmount ?? order.amount.baseAmount ?? 0
    let arguments: StatementArguments = [
      order.clientOrderId, order.exchangeOrderId, order.symbol, order.exchange.rawValue, order.baseAsset,
      order.quoteAsset, order.side.rawValue, order.type.rawValue, order.status.rawValue, amountKind,
      try DecimalText.text(amount, column: "\(orders).amount", of: label),
      try DecimalText.optionalText(order.limitPrice, column: "\(orders).limit_price", of: label),
      try DecimalText.text(order.filledBase, column: "\(orders).filled_base", of: label),
      try DecimalText.text(order.filledQuote, column: "\(orders).filled_quote", of: label),
      try DecimalText.text(order.fees, column: "\(orders).fees", of: label),
      order.origin.rawValue, order.reason, order.failureReason, failureCode, order.createdAt.seconds,
      order.updatedAt.seconds, order.mode.rawValue,
    ]
    do {
      try db.execute(
        sql: """
          INSERT INTO \(orders) (client_order_id, exchange_order_id, symbol, exchange, base_asset, quote_asset,
            side, type, status, amount_kind, amount, limit_price, filled_base, filled_quote, fees, origin, reason,
            failure_reason, failure_code, created_at, updated_at, mode)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, arguments: arguments)
    } catch let error as DatabaseError where error.isUniqueViolation {
      throw JournalError.duplicateClientOrderId(order.clientOrderId)
    }
    _ = try insertFills(order.fills, in: db)
  }

  /// Updates the changing fields of `order` and inserts those of its fills not yet stored;
  /// returns the fills inserted. A nil `failureCode` keeps the stored one. Throws `.unknownOrder`
  /// when no row has its client order id.
  func update(_ order: Order, failureCode: String?, in db: Database) throws -> [Fill] {
    let label = "order '\(order.clientOrderId)'"
    let arguments: StatementArguments = [
      order.exchangeOrderId, order.status.rawValue,
      try DecimalText.optionalText(order.limitPrice, column: "\(orders).limit_price", of: label),
      try DecimalText.text(order.filledBase, column: "\(orders).filled_base", of: label),
      try DecimalText.text(order.filledQuote, column: "\(orders).filled_quote", of: label),
      try DecimalText.text(order.fees, column: "\(orders).fees", of: label),
      order.failureReason, failureCode, order.updatedAt.seconds, order.clientOrderId,
    ]
    try db.execute(
      sql: """
        UPDATE \(orders) SET exchange_order_id = ?, status = ?, limit_price = ?, filled_base = ?, filled_quote = ?,
          fees = ?, failure_reason = ?, failure_code = COALESCE(?, failure_code), updated_at = ?
        WHERE client_order_id = ?
        """, arguments: arguments)
    guard db.changesCount > 0 else { throw JournalError.unknownOrder(order.clientOrderId) }
    return try insertFills(order.fills, in: db)
  }

  /// Inserts the fills not yet stored (by order and trade id); returns those inserted.
  func insertFills(_ newFills: [Fill], in db: Database) throws -> [Fill] {
    var inserted: [Fill] = []
    for fill in newFills {
      let label = "fill '\(fill.tradeId)' of order '\(fill.clientOrderId)'"
      try db.execute(
        sql: """
          INSERT INTO \(fills) (client_order_id, trade_id, symbol, side, price, base_quantity, quote_quantity, fee,
            fee_asset, time)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (client_order_id, trade_id) DO NOTHING
          """,
        arguments: [
          fill.clientOrderId, fill.tradeId, fill.symbol, fill.side.rawValue,
          try DecimalText.text(fill.price, column: "\(fills).price", of: label),
          try DecimalText.text(fill.baseQuantity, column: "\(fills).base_quantity", of: label),
          try DecimalText.text(fill.quoteQuantity, column: "\(fills).quote_quantity", of: label),
          try DecimalText.text(fill.fee, column: "\(fills).fee", of: label),
          fill.feeAsset, fill.time.seconds,
        ])
      if db.changesCount > 0 { inserted.append(fill) }
    }
    return inserted
  }

  /// The order with `clientOrderId` and its fills, or nil.
  func order(clientOrderId: String, in db: Database) throws -> Order? {
    try orders(where: "client_order_id = ?", arguments: [clientOrderId], in: db).first?.order
  }

  /// Orders matching `condition` (SQL over the orders table; empty for all) in `ordering`, each
  /// with its rowid and fills.
  func orders(
    where condition: String, arguments: StatementArguments = [], orderedBy ordering: String = "created_at, id",
    limit: Int? = nil, in db: Database
  ) throws -> [(rowID: Int64, order: Order)] {
    let whereClause = condition.isEmpty ? "" : "WHERE \(condition)"
    let limitClause = limit.map { "LIMIT \($0)" } ?? ""
    let rows = try Row.fetchAll(
      db, sql: "SELECT * FROM \(orders) \(whereClause) ORDER BY \(ordering) \(limitClause)", arguments: arguments)
    let stored = rows.map { StoredRow($0, table: orders, keyColumn: "client_order_id", keyName: "order") }
    let ids = try stored.map { row throws(JournalError) in try row.text("client_order_id") }
    let fillsByOrder = try fills(ofOrders: ids, in: db)
    return try stored.map { row in
      (try row.integer("id"), try decodeOrder(row, fills: fillsByOrder[try row.text("client_order_id")] ?? []))
    }
  }

  /// The fills of the orders `clientOrderIds`, each order's oldest first.
  func fills(ofOrders clientOrderIds: [String], in db: Database) throws -> [String: [Fill]] {
    guard !clientOrderIds.isEmpty else { return [:] }
    var byOrder: [String: [Fill]] = [:]
    // SQLite allows 32,766 parameters; pages hold at most 1,001 orders, the rest go in chunks.
    for start in stride(from: 0, to: clientOrderIds.count, by: 500) {
      let chunk = Array(clientOrderIds[start..<Swift.min(start + 500, clientOrderIds.count)])
      let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
      let rows = try Row.fetchAll(
        db, sql: "SELECT * FROM \(fills) WHERE client_order_id IN (\(marks)) ORDER BY time, id",
        arguments: StatementArguments(chunk))
      for row in rows {
        let fill = try decodeFill(StoredRow(row, table: fills, keyColumn: "trade_id", keyName: "fill"))
        byOrder[fill.clientOrderId, default: []].append(fill)
      }
    }
    return byOrder
  }

  /// Every fill, in execution order (time, then insertion).
  func allFills(in db: Database) throws -> [Fill] {
    try Row.fetchAll(db, sql: "SELECT * FROM \(fills) ORDER BY time, id").map { row in
      try decodeFill(StoredRow(row, table: fills, keyColumn: "trade_id", keyName: "fill"))
    }
  }
}
