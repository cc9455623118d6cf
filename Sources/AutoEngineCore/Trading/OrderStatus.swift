/// Where an order is in its lifecycle.
///
/// `intent → submitted → open → partiallyFilled → filled`, or one of the final states
/// `cancelled`, `rejected`, `failed`, `expired`. An intent is journalled *before* the order is
/// sent, so that after a crash every order that may exist on an exchange is known and can be looked
/// up by its client order id. The raw value is the journal's spelling.
public enum OrderStatus: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// Journalled, not yet sent.
  case intent
  /// Sent; the exchange's answer is pending or its outcome is being looked up.
  case submitted
  /// Accepted by the exchange, nothing filled yet.
  case open
  /// Partly filled; the rest is still open.
  case partiallyFilled = "partially_filled"
  /// Completely filled (final).
  case filled
  /// Cancelled, possibly after partial fills (final).
  case cancelled
  /// Refused by the exchange (final).
  case rejected
  /// Could not be sent, or failed locally (final).
  case failed
  /// Cancelled by the engine after the open-order timeout (final).
  case expired

  /// True for the states an order never leaves: filled, cancelled, rejected, failed, expired.
  public var isFinal: Bool {
    switch self {
    case .intent, .submitted, .open, .partiallyFilled: false
    case .filled, .cancelled, .rejected, .failed, .expired: true
    }
  }

  /// The states that are not final, in lifecycle order.
  public static let nonFinal: [OrderStatus] = allCases.filter { !$0.isFinal }

  public var description: String { rawValue }
}
