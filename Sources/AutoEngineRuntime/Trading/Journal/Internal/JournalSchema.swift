internal import GRDB

/// The journal's tables, created by named migrations.
///
/// Decimals are TEXT holding `Decimal.description` (exact, never REAL); times are REAL seconds
/// since the Unix epoch; enums are their raw values. Migrations are only ever appended: a
/// released one is never edited, a schema change is a new migration.
enum JournalSchema {
  /// Every migration, in order.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1 orders and fills") { db in try createOrderTables(OrderTable.journal, in: db) }
    migrator.registerMigration("v1 decisions", migrate: createDecisions)
    migrator.registerMigration("v1 state and highest prices", migrate: createState)
    migrator.registerMigration("v1 paper venue") { db in try createOrderTables(OrderTable.paperVenue, in: db) }
    migrator.registerMigration("v2 realised P&L of decisions") { db in
      try db.execute(sql: "ALTER TABLE decisions ADD COLUMN realized_pnl TEXT")
    }
    return migrator
  }

  /// An orders table and its fills table (journal and paper venue share the layout).
  ///
  /// `id` is the insertion sequence (rowid, AUTOINCREMENT so never reused); `client_order_id` is
  /// unique — the duplicate guard. A fill is unique per (order, trade id). `failure_code` is a
  /// short code for statistics (`INSUFFICIENT_FUND`, `-2010`, `timeout`).
  static func createOrderTables(_ table: OrderTable, in db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE \(table.orders) (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          client_order_id TEXT NOT NULL UNIQUE,
          exchange_order_id TEXT,
          symbol TEXT NOT NULL,
          exchange TEXT NOT NULL,
          base_asset TEXT NOT NULL,
          quote_asset TEXT NOT NULL,
          side TEXT NOT NULL,
          type TEXT NOT NULL,
          status TEXT NOT NULL,
          amount_kind TEXT NOT NULL,
          amount TEXT NOT NULL,
          limit_price TEXT,
          filled_base TEXT NOT NULL,
          filled_quote TEXT NOT NULL,
          fees TEXT NOT NULL,
          origin TEXT NOT NULL,
          reason TEXT NOT NULL,
          failure_reason TEXT,
          failure_code TEXT,
          created_at REAL NOT NULL,
          updated_at REAL NOT NULL,
          mode TEXT NOT NULL
        );
        CREATE INDEX \(table.orders)_by_time ON \(table.orders)(created_at, id);
        CREATE INDEX \(table.orders)_by_symbol ON \(table.orders)(symbol, created_at, id);
        CREATE INDEX \(table.orders)_by_status ON \(table.orders)(status, created_at, id);
        CREATE TABLE \(table.fills) (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          client_order_id TEXT NOT NULL REFERENCES \(table.orders)(client_order_id) ON DELETE CASCADE,
          trade_id TEXT NOT NULL,
          symbol TEXT NOT NULL,
          side TEXT NOT NULL,
          price TEXT NOT NULL,
          base_quantity TEXT NOT NULL,
          quote_quantity TEXT NOT NULL,
          fee TEXT NOT NULL,
          fee_asset TEXT NOT NULL,
          time REAL NOT NULL,
          UNIQUE (client_order_id, trade_id)
        );
        CREATE INDEX \(table.fills)_by_time ON \(table.fills)(time, id);
        """)
  }

  /// Trade decisions: `seq` is the insertion sequence, `id` the decision's own unique id.
  static func createDecisions(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE decisions (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          time REAL NOT NULL,
          symbol TEXT NOT NULL,
          exchange TEXT NOT NULL,
          side TEXT NOT NULL,
          outcome TEXT NOT NULL,
          origin TEXT NOT NULL,
          reason TEXT NOT NULL,
          reason_code TEXT NOT NULL,
          client_order_id TEXT,
          quote_amount TEXT,
          base_amount TEXT,
          price TEXT,
          signal_action TEXT NOT NULL,
          signal_strength REAL NOT NULL,
          signal_confidence REAL NOT NULL,
          top_strategies TEXT NOT NULL
        );
        CREATE INDEX decisions_by_time ON decisions(time, seq);
        CREATE INDEX decisions_by_symbol ON decisions(symbol, time, seq);
        CREATE INDEX decisions_by_outcome ON decisions(outcome, time, seq);
        CREATE INDEX decisions_refusals ON decisions(outcome, symbol, reason_code);
        """)
  }

  /// Key/value state and the per-symbol highest price since entry (trailing stop).
  static func createState(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE state (
          key TEXT PRIMARY KEY NOT NULL,
          value TEXT NOT NULL
        );
        CREATE TABLE highest_prices (
          symbol TEXT PRIMARY KEY NOT NULL,
          price TEXT NOT NULL
        );
        """)
  }
}
