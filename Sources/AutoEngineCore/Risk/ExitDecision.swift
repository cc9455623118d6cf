/// What the exit rules decided for an open position.
public enum ExitDecision: Hashable, Sendable, CustomStringConvertible {
  /// Keep the position.
  case hold
  /// Sell the whole position, for this reason.
  case sell(ExitReason)

  /// The reason to sell, or `nil` for hold.
  public var sellReason: ExitReason? {
    if case .sell(let reason) = self { return reason }
    return nil
  }

  /// `hold` or `sell: stop-loss: price 94.99 ≤ 95`.
  public var description: String {
    switch self {
    case .hold: "hold"
    case .sell(let reason): "sell: \(reason)"
    }
  }
}
