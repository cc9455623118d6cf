public import AutoEngineCore
internal import FoundationEssentials
internal import GRDB

extension TradeJournal {
  /// Journals a trade decision. Recording a decision whose id is already journalled changes
  /// nothing (a retried record is not a second decision).
  public func record(_ decision: TradeDecision) throws(JournalError) {
    let label = "decision '\(decision.id)'"
    let strategies: String
    do {
      strategies = String(decoding: try JSONEncoder().encode(decision.topStrategies), as: UTF8.self)
    } catch {
      throw JournalError.corrupt("decisions.top_strategies of \(label): cannot encode: \(error)")
    }
    let arguments: StatementArguments = [
      decision.id, decision.time.seconds, decision.symbol, decision.exchange.rawValue, decision.side.rawValue,
      decision.outcome.rawValue, decision.origin.rawValue, decision.reason, decision.reasonCode,
      decision.clientOrderId,
      try DecimalText.optionalText(decision.quoteAmount, column: "decisions.quote_amount", of: label),
      try DecimalText.optionalText(decision.baseAmount, column: "decisions.base_amount", of: label),
      try DecimalText.optionalText(decision.price, column: "decisions.price", of: label),
      try DecimalText.optionalText(decision.realizedPnl, column: "decisions.realized_pnl", of: label),
      decision.signal.action.description, decision.signal.strength, decision.signal.confidence, strategies,
    ]
    try database.write { db in
      try db.execute(
        sql: """
          INSERT INTO decisions (id, time, symbol, exchange, side, outcome, origin, reason, reason_code,
            client_order_id, quote_amount, base_amount, price, realized_pnl, signal_action, signal_strength,
            signal_confidence, top_strategies)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO NOTHING
          """, arguments: arguments)
    }
  }

  /// One page of decisions, newest first (time descending, then insertion descending), with the
  /// query's filters; `nextPageToken` continues after the page's last decision.
  ///
  /// - Throws: `.invalidPageToken` for a token this listing did not hand out.
  public func decisions(_ query: DecisionQuery) throws(JournalError) -> JournalPage<TradeDecision> {
    var conditions: [String] = []
    var arguments: StatementArguments = []
    if let symbol = query.symbol {
      conditions.append("symbol = ?")
      arguments += [symbol]
    }
    if let outcome = query.outcome {
      conditions.append("outcome = ?")
      arguments += [outcome.rawValue]
    }
    if let since = query.since {
      conditions.append("time >= ?")
      arguments += [since.seconds]
    }
    if let text = query.pageToken {
      let token = try PageToken(parsing: text, listing: .decisions)
      conditions.append("(time < ? OR (time = ? AND seq < ?))")
      arguments += [token.time, token.time, token.sequence]
    }
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    let limit = query.clampedLimit
    let rows = try database.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM decisions \(whereClause) ORDER BY time DESC, seq DESC LIMIT \(limit + 1)",
        arguments: arguments
      ).map { row in
        let stored = StoredRow(row, table: "decisions", keyColumn: "id", keyName: "decision")
        return (sequence: try stored.integer("seq"), decision: try Self.decodeDecision(stored))
      }
    }
    let page = rows.prefix(limit)
    var next: String?
    if rows.count > limit, let last = page.last {
      next = PageToken(listing: .decisions, time: last.decision.time.seconds, sequence: last.sequence).text
    }
    return JournalPage(items: page.map(\.decision), nextPageToken: next)
  }

  /// Refused decisions per symbol and reason code, e.g. `["BTC-USD": ["cooldown": 3]]` (what
  /// `pruneRefusals(keep:)` left).
  public func refusalCounts() throws(JournalError) -> [String: [String: Int]] {
    try database.read { db in
      var counts: [String: [String: Int]] = [:]
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT symbol, reason_code, COUNT(*) AS count FROM decisions
          WHERE outcome = ? GROUP BY symbol, reason_code
          """, arguments: [TradeOutcome.refused.rawValue])
      for row in rows.map({ StoredRow($0, table: "decisions", label: "refusal group") }) {
        counts[try row.text("symbol"), default: [:]][try row.text("reason_code")] = Int(try row.integer("count"))
      }
      return counts
    }
  }

  /// Keeps the newest `keep` refused decisions (by time, then insertion) and deletes the older
  /// refused ones; executed and failed decisions are never pruned.
  ///
  /// - Parameter keep: How many refusals to keep, ≥ 0 (negative counts as 0).
  /// - Returns: The number of decisions deleted.
  @discardableResult
  public func pruneRefusals(keep: Int) throws(JournalError) -> Int {
    try database.write { db in
      try db.execute(
        sql: """
          DELETE FROM decisions WHERE outcome = ?1 AND seq NOT IN (
            SELECT seq FROM decisions WHERE outcome = ?1 ORDER BY time DESC, seq DESC LIMIT ?2)
          """, arguments: [TradeOutcome.refused.rawValue, Swift.max(keep, 0)])
      return db.changesCount
    }
  }

  /// The decision of a decisions-table row.
  private static func decodeDecision(_ row: StoredRow) throws(JournalError) -> TradeDecision {
    let actionText = try row.text("signal_action")
    guard let action = TradeAction.allCases.first(where: { $0.description == actionText }) else {
      throw row.corrupt("signal_action", "'\(actionText)' is not BUY, SELL or HOLD")
    }
    let strategiesText = try row.text("top_strategies")
    let strategies: [String]
    do {
      strategies = try JSONDecoder().decode([String].self, from: Data(strategiesText.utf8))
    } catch {
      throw row.corrupt("top_strategies", "'\(strategiesText)' is not a JSON array of strings")
    }
    return TradeDecision(
      id: try row.text("id"), time: try row.time("time"), symbol: try row.text("symbol"),
      exchange: try row.enumValue("exchange", as: Exchange.self), side: try row.enumValue("side", as: OrderSide.self),
      outcome: try row.enumValue("outcome", as: TradeOutcome.self),
      origin: try row.enumValue("origin", as: OrderOrigin.self), reason: try row.text("reason"),
      reasonCode: try row.text("reason_code"), clientOrderId: try row.optionalText("client_order_id"),
      quoteAmount: try row.optionalDecimal("quote_amount"), baseAmount: try row.optionalDecimal("base_amount"),
      price: try row.optionalDecimal("price"), realizedPnl: try row.optionalDecimal("realized_pnl"),
      signal: SignalSnapshot(
        action: action, strength: try row.double("signal_strength"), confidence: try row.double("signal_confidence")),
      topStrategies: strategies)
  }
}
