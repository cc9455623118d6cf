/// Why a trade journal call failed.
///
/// Every SQLite or GRDB error is converted to one of these at the journal's boundary; nothing
/// below it escapes. Messages name the journal file, table, column and row concerned so that an
/// operator can find the problem.
public enum JournalError: Error, Hashable, Sendable, CustomStringConvertible {
  /// An order with this client order id is already journalled; nothing was written.
  case duplicateClientOrderId(String)
  /// No order with this client order id is journalled.
  case unknownOrder(String)
  /// A page token that this journal did not hand out (or for another listing).
  case invalidPageToken(String)
  /// A value on disk (or about to be written) cannot be what its column holds; the message names
  /// the table, column and row, e.g. `orders.limit_price of order 'abc-1': 'x' is not a decimal`.
  case corrupt(String)
  /// SQLite failed (I/O, locked beyond the busy timeout, full disk…); the message names the file.
  case storage(String)

  public var description: String {
    switch self {
    case .duplicateClientOrderId(let id): "an order with client order id '\(id)' is already journalled"
    case .unknownOrder(let id): "no journalled order has client order id '\(id)'"
    case .invalidPageToken(let token): "invalid page token '\(token)': pass a nextPageToken of the same listing"
    case .corrupt(let what): "corrupt journal data: \(what)"
    case .storage(let what): "journal storage error: \(what)"
    }
  }
}
