public import AutoEngineCore
public import FoundationEssentials
internal import GRDB

/// The paper broker's "exchange side": the orders and fills a real exchange would remember, in
/// tables `paper_orders` and `paper_fills` of the journal's file.
///
/// Kept apart from the journal's own orders so that reconciliation after a crash works for paper
/// trading exactly as for live: the desk's journal may lack what the venue holds, or the
/// reverse, and the desk looks the venue up by client order id. Get it from
/// `TradeJournal.paperVenue`.
public struct PaperVenueStore: Sendable {
  /// The journal's connection(s).
  let database: JournalDatabase

  /// Inserts `order` (with its fills) unless an order with its client order id is stored — the
  /// exchange-side duplicate guard — in one transaction.
  ///
  /// - Returns: The stored order (the existing one, or `order`) and whether it was inserted.
  public func insertIfAbsent(_ order: Order) throws(JournalError) -> (order: Order, inserted: Bool) {
    try database.write { db in
      if let existing = try OrderTable.paperVenue.order(clientOrderId: order.clientOrderId, in: db) {
        return (existing, false)
      }
      try OrderTable.paperVenue.insert(order, failureCode: nil, in: db)
      return (order, true)
    }
  }

  /// Saves a stored order's status, totals and new fills (fills already stored are skipped), in
  /// one transaction.
  ///
  /// - Throws: `.unknownOrder` when no paper order has its client order id.
  public func save(_ order: Order) throws(JournalError) {
    _ = try database.write { db in try OrderTable.paperVenue.update(order, failureCode: nil, in: db) }
  }

  /// The paper order with `clientOrderId` and its fills, or nil.
  public func order(clientOrderId: String) throws(JournalError) -> Order? {
    try database.read { db in try OrderTable.paperVenue.order(clientOrderId: clientOrderId, in: db) }
  }

  /// The paper orders not in a final state, oldest first (resting limit orders); a damaged status
  /// throws `.corrupt` rather than hiding its order.
  public func openOrders() throws(JournalError) -> [Order] {
    let finals = OrderStatus.allCases.filter(\.isFinal).map { "'\($0.rawValue)'" }.joined(separator: ", ")
    return try database.read { db in
      try OrderTable.paperVenue.orders(where: "status NOT IN (\(finals))", in: db).map(\.order)
    }
  }

  /// Net cash per quote asset from all paper fills: sells' quote quantity minus buys' quote
  /// quantity, minus every fee charged in that quote asset — e.g. `["USD": -25.03]` after one
  /// 25 USD buy with a 0.03 USD fee. Exact decimals.
  public func cashFlows() throws(JournalError) -> [String: Decimal] {
    try cashAndHoldings().cash
  }

  /// Net base quantity per asset from all paper fills: buys minus sells, minus fees charged in the
  /// base asset — and minus fees charged in any third asset (e.g. `BNB`), under that asset.
  public func holdings() throws(JournalError) -> [String: Decimal] {
    try cashAndHoldings().holdings
  }

  /// `cashFlows()` and `holdings()` from one read of every paper fill.
  public func cashAndHoldings() throws(JournalError) -> (cash: [String: Decimal], holdings: [String: Decimal]) {
    try database.read { db in
      var cash: [String: Decimal] = [:]
      var holdings: [String: Decimal] = [:]
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT f.*, o.base_asset, o.quote_asset FROM paper_fills f
          JOIN paper_orders o ON o.client_order_id = f.client_order_id
          ORDER BY f.time, f.id
          """)
      for row in rows {
        let stored = StoredRow(row, table: "paper_fills", keyColumn: "trade_id", keyName: "fill")
        let fill = try OrderTable.paperVenue.decodeFill(stored)
        let base = try StoredRow(row, table: "paper_orders", label: "order '\(fill.clientOrderId)'").text("base_asset")
        let quote = try StoredRow(row, table: "paper_orders", label: "order '\(fill.clientOrderId)'").text(
          "quote_asset")
        let sign: Decimal = fill.side == .buy ? 1 : -1
        cash[quote, default: 0] -= sign * fill.quoteQuantity
        holdings[base, default: 0] += sign * fill.baseQuantity
        switch fill.feeAsset.uppercased() {
        case quote.uppercased(): cash[quote, default: 0] -= fill.fee
        case base.uppercased(): holdings[base, default: 0] -= fill.fee
        default: holdings[fill.feeAsset, default: 0] -= fill.fee
        }
      }
      return (cash, holdings)
    }
  }
}
