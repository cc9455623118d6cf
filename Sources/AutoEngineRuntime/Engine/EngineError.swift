/// The one error type of the engine, classified by what the caller or operator must do.
///
/// Every transport maps it exactly once: gRPC in `EngineError+RPC.swift`, HTTP in
/// `EngineError+HTTP.swift` (both in AutoEngineAPI). The message is meant for a person and names
/// the problem ("unknown symbol 'BTC-EUR': list the coins with GET /api/coins").
public struct EngineError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What the caller or operator must do about an error.
  public enum Code: String, Hashable, Sendable, CaseIterable {
    /// The request is malformed or a value is out of range: fix the request.
    case invalidArgument = "INVALID_ARGUMENT"
    /// The named coin, order or strategy does not exist: check the name.
    case notFound = "NOT_FOUND"
    /// The request conflicts with the current state (e.g. an order is already final): re-read state.
    case conflict = "CONFLICT"
    /// The call needs a valid bearer token: supply one.
    case unauthenticated = "UNAUTHENTICATED"
    /// Not enough balance for the order: lower the amount or fund the account.
    case insufficientFunds = "INSUFFICIENT_FUNDS"
    /// A limit or rate budget is exhausted: retry later.
    case retryLater = "RETRY_LATER"
    /// The request is larger than the server accepts (`server.max_request_bytes`): send less.
    case requestTooLarge = "REQUEST_TOO_LARGE"
    /// A dependency (exchange, journal) is unavailable right now: retry later.
    case unavailable = "UNAVAILABLE"
    /// The configuration does not allow this: fix the configuration.
    case fixConfiguration = "FIX_CONFIGURATION"
    /// The path exists but not with this HTTP method: use one the message lists.
    case wrongMethod = "METHOD_NOT_ALLOWED"
    /// The feature is not built yet in this version.
    case notImplemented = "NOT_IMPLEMENTED"
    /// A bug or an unexpected failure: report it.
    case `internal` = "INTERNAL"
  }

  /// What to do about it.
  public var code: Code
  /// A sentence for a person, naming the problem and, where possible, the way out.
  public var message: String

  /// Creates an error with a code and a human-readable message.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { "\(code.rawValue): \(message)" }
}

extension EngineError {
  /// The error of a contract feature that this version does not provide yet.
  public static func notBuiltYet(_ feature: String) -> EngineError {
    EngineError(.notImplemented, "\(feature) is not available in version \(AutoEngineVersion.current) of the server")
  }
}
