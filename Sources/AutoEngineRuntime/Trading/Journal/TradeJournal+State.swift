public import FoundationEssentials
internal import GRDB

extension TradeJournal {
  /// The persistent value of `key` (e.g. `autobuy.started_at`), or nil when unset.
  public func state(_ key: String) throws(JournalError) -> String? {
    try database.read { db in
      let row = try Row.fetchOne(db, sql: "SELECT value FROM state WHERE key = ?", arguments: [key])
      return try row.map { row throws(JournalError) in
        try StoredRow(row, table: "state", label: "key '\(key)'").text("value")
      }
    }
  }

  /// Sets the persistent value of `key`; nil removes it.
  public func setState(_ key: String, _ value: String?) throws(JournalError) {
    try database.write { db in
      if let value {
        try db.execute(
          sql: "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          arguments: [key, value])
      } else {
        try db.execute(sql: "DELETE FROM state WHERE key = ?", arguments: [key])
      }
    }
  }

  /// The highest price since entry per symbol (quote units per base unit), for the trailing stop.
  public func highestPrices() throws(JournalError) -> [String: Decimal] {
    try database.read { db in
      var prices: [String: Decimal] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT symbol, price FROM highest_prices") {
        let stored = StoredRow(row, table: "highest_prices", keyColumn: "symbol", keyName: "symbol")
        prices[try stored.text("symbol")] = try stored.decimal("price")
      }
      return prices
    }
  }

  /// Sets the highest price since entry of `symbol` (quote units per base unit, exact); nil
  /// deletes it (the position was closed).
  public func setHighestPrice(_ price: Decimal?, symbol: String) throws(JournalError) {
    let text = try DecimalText.optionalText(price, column: "highest_prices.price", of: "symbol '\(symbol)'")
    try database.write { db in
      if let text {
        try db.execute(
          sql: """
            INSERT INTO highest_prices (symbol, price) VALUES (?, ?)
            ON CONFLICT (symbol) DO UPDATE SET price = excluded.price
            """, arguments: [symbol, text])
      } else {
        try db.execute(sql: "DELETE FROM highest_prices WHERE symbol = ?", arguments: [symbol])
      }
    }
  }
}
