internal import FoundationEssentials
internal import GRDB

/// The journal's SQLite connection(s) and the one place where GRDB errors become `JournalError`.
///
/// Every read and write of the journal and of the paper venue store goes through `read(_:)` or
/// `write(_:)`: a `JournalError` thrown inside passes unchanged (and rolls a write back), any
/// other error becomes `.storage` naming the file.
struct JournalDatabase: Sendable {
  /// A `DatabasePool` (file, WAL) or a `DatabaseQueue` (in memory).
  let writer: any DatabaseWriter
  /// The file path, or `:memory:`, for messages.
  let location: String

  /// Runs `body` on a read connection (a snapshot of the last committed state).
  func read<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
    do {
      return try writer.read(body)
    } catch {
      throw journalError(error)
    }
  }

  /// Runs `body` in one write transaction: everything it wrote is committed together, or nothing
  /// when it throws.
  func write<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
    do {
      return try writer.write(body)
    } catch {
      throw journalError(error)
    }
  }

  /// Runs `body` on the writer connection outside of any transaction (pragmas, checkpoints).
  func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
    do {
      return try writer.writeWithoutTransaction(body)
    } catch {
      throw journalError(error)
    }
  }

  /// `error` as a journal error: unchanged when it is one, else `.storage` naming the file.
  func journalError(_ error: any Error) -> JournalError {
    if let error = error as? JournalError { return error }
    return .storage("\(location): \(error)")
  }
}

extension DatabaseError {
  /// True for a UNIQUE or PRIMARY KEY constraint violation.
  var isUniqueViolation: Bool {
    extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE || extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
  }
}
