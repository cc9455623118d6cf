internal import FoundationEssentials
internal import GRDB

/// The SQLite trade journal: orders and their fills, trade decisions, a little persistent state
/// and the paper venue's book, in one file.
///
/// It is what keeps the server from losing or duplicating an order: the desk journals an order
/// intent (`insertIntent(_:)`, unique client order id) *before* sending it, and every change
/// after (`save(_:failureCode:)`) in one transaction. The file is in WAL mode with
/// `synchronous=FULL`, so a call that returned has reached the disk: after a crash or SIGKILL at
/// any moment the file reopens consistent and `nonFinalOrders()` names every order that may be
/// live on an exchange.
///
/// Decimals are stored as their exact text and read back exactly; times as REAL seconds since the
/// Unix epoch. Nothing read from disk is trusted: a bad value is `JournalError.corrupt` naming
/// its table, column and row. Calls are synchronous and short (one indexed statement or
/// transaction); writes are serialized by the writer connection, reads run beside them on
/// snapshots. Facets: `+Orders`, `+Decisions`, `+State`; the paper book is `paperVenue`.
public final class TradeJournal: Sendable {
  /// How long a write waits for a lock held by another connection or process, seconds.
  static let busyTimeout: Double = 5

  /// The connection(s) and error mapping.
  let database: JournalDatabase

  /// The file path; nil for an in-memory journal.
  public let path: String?

  /// Opens the journal at `path`, creating its folders and file as needed, and migrates it.
  ///
  /// The file is opened with a GRDB `DatabasePool` (one writer, concurrent readers) in WAL mode,
  /// `synchronous=FULL` (an acknowledged write survives power loss or SIGKILL), a 5 s busy timeout
  /// and foreign keys on; a WAL left by a crash is recovered by SQLite on open.
  ///
  /// - Throws: `.storage` when the folder or file cannot be created or opened, is not a journal,
  ///   or was written by a newer version (unknown migrations).
  public init(path: String) throws(JournalError) {
    guard !path.isEmpty else { throw JournalError.storage("the journal path is empty") }
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw JournalError.storage("\(path): cannot create folder \(directory): \(error)")
    }
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: Self.configuration())
    } catch {
      throw JournalError.storage("\(path): cannot open: \(error)")
    }
    let database = JournalDatabase(writer: pool, location: path)
    // GRDB sets synchronous=NORMAL when it enables WAL on the writer; the journal wants FULL.
    try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    try Self.migrate(database)
    self.database = database
    self.path = path
  }

  /// A journal in memory (a GRDB `DatabaseQueue`), for tests; gone when released.
  public static func inMemory() throws(JournalError) -> TradeJournal {
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(configuration: configuration())
    } catch {
      throw JournalError.storage(":memory:: cannot open: \(error)")
    }
    let database = JournalDatabase(writer: queue, location: ":memory:")
    try migrate(database)
    return TradeJournal(database: database, path: nil)
  }

  /// Wraps an opened, migrated database.
  private init(database: JournalDatabase, path: String?) {
    self.database = database
    self.path = path
  }

  /// The paper broker's exchange-side book (tables `paper_orders`, `paper_fills`).
  public var paperVenue: PaperVenueStore { PaperVenueStore(database: database) }

  /// The connection settings: busy timeout, foreign keys, `synchronous=FULL` on every connection.
  private static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.label = "TradeJournal"
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(busyTimeout)
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    return configuration
  }

  /// Applies the migrations not yet applied; refuses a file migrated by a newer version.
  private static func migrate(_ database: JournalDatabase) throws(JournalError) {
    let migrator = JournalSchema.migrator
    let superseded = try database.read { db in try migrator.hasBeenSuperseded(db) }
    guard !superseded else {
      throw JournalError.storage(
        "\(database.location): written by a newer version of the server (unknown schema migrations)")
    }
    do {
      try migrator.migrate(database.writer)
    } catch {
      throw database.journalError(error)
    }
  }
}

extension TradeJournal {
  /// The value of `PRAGMA name` on the writer connection as text, e.g. `journal_mode` → `wal`,
  /// `synchronous` → `2` (FULL); for tests and diagnostics.
  func pragma(_ name: String) throws(JournalError) -> String? {
    let value = try database.writeWithoutTransaction { db in try DatabaseValue.fetchOne(db, sql: "PRAGMA \(name)") }
    switch value?.storage {
    case .none, .null: return nil
    case .string(let text): return text
    case .int64(let number): return String(number)
    case .some(let other): return "\(other)"
    }
  }

  /// Runs raw SQL in one transaction (tests that damage the file on purpose).
  func executeRawSQL(_ sql: String) throws(JournalError) {
    try database.write { db in try db.execute(sql: sql) }
  }
}
