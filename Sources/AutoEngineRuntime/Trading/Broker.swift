public import AutoEngineCore
public import FoundationEssentials

/// Where orders go: the paper broker, or an exchange's order API.
///
/// Every call is keyed by the order's client order id, which the trading desk journals before it
/// calls `submit(_:)`. Implementations must make `submit(_:)` safe against duplicates: an exchange
/// rejects a second order with the same client order id, and the paper broker returns the first.
/// When `submit(_:)` throws `.unknownOutcome`, the desk calls `lookup(_:)` before anything else —
/// an order is never sent twice.
public protocol Broker: Sendable {
  /// Short name for logs and `GetTradingInfo`, e.g. `paper`, `binanceus`.
  var name: String { get }

  /// Sends `order` (status `intent`, with its client order id) and returns what the exchange
  /// answered: accepted (open, possibly with fills) or filled.
  ///
  /// - Throws: `.rejected` when the exchange refused it (final); `.notSent` when it certainly
  ///   never reached the exchange; `.unknownOutcome` when it may or may not exist (timeout, 5xx).
  func submit(_ order: Order) async throws(BrokerError) -> BrokerReport

  /// The exchange's current view of `order`, looked up by client order id: its status and every
  /// fill so far; nil when the exchange has no such order.
  ///
  /// - Throws: `.unavailable` (or `.unknownOutcome`) when the exchange cannot be asked now.
  func lookup(_ order: Order) async throws(BrokerError) -> BrokerReport?

  /// Cancels `order` on the exchange and returns its state after the cancel (cancelled, or filled
  /// when it filled first).
  ///
  /// - Throws: `.rejected` when the exchange refuses (e.g. already final), `.unavailable` when it
  ///   cannot be asked now.
  func cancel(_ order: Order) async throws(BrokerError) -> BrokerReport

  /// Free and locked balances per asset.
  func balances() async throws(BrokerError) -> [AssetBalance]
}

/// An exchange's answer about one order.
public struct BrokerReport: Hashable, Sendable {
  /// The exchange's order id (paper: a local id).
  public var exchangeOrderId: String?
  /// Lifecycle state on the exchange: open, partiallyFilled, filled, cancelled, rejected, expired.
  public var status: OrderStatus
  /// Every fill of the order so far, oldest first (the desk ignores those it already holds).
  public var fills: [Fill]
  /// Why the exchange rejected, cancelled or expired the order; nil otherwise.
  public var reason: String?

  /// Creates a report.
  public init(exchangeOrderId: String?, status: OrderStatus, fills: [Fill] = [], reason: String? = nil) {
    self.exchangeOrderId = exchangeOrderId
    self.status = status
    self.fills = fills
    self.reason = reason
  }
}

/// Free and locked amount of one asset.
public struct AssetBalance: Hashable, Sendable {
  /// Asset, e.g. `USD`.
  public var asset: String
  /// Available for new orders.
  public var free: Decimal
  /// Held by open orders.
  public var locked: Decimal

  /// Creates a balance.
  public init(asset: String, free: Decimal, locked: Decimal = 0) {
    self.asset = asset
    self.free = free
    self.locked = locked
  }
}

/// Why a broker call failed.
public enum BrokerError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The exchange refused the request (final for a submit). `code` is the exchange's short
  /// reason (e.g. `INSUFFICIENT_FUND`, `-2010`), `message` its words.
  case rejected(code: String, message: String)
  /// The request certainly did not reach the exchange (no connection, rate limit before sending,
  /// missing keys); safe to try again later.
  case notSent(String)
  /// The request may or may not have taken effect (timeout, HTTP 5xx, connection lost after
  /// sending): look the order up before anything else.
  case unknownOutcome(String)
  /// A lookup or cancel could not be answered now (network, rate limit).
  case unavailable(String)

  public var description: String {
    switch self {
    case .rejected(let code, let message): "rejected (\(code)): \(message)"
    case .notSent(let why): "not sent: \(why)"
    case .unknownOutcome(let why): "outcome unknown: \(why)"
    case .unavailable(let why): "exchange unavailable: \(why)"
    }
  }
}
