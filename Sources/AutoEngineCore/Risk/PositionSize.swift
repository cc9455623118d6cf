public import FoundationEssentials

/// The outcome of position sizing: an amount to spend, or why nothing can be spent.
public enum PositionSize: Hashable, Sendable, CustomStringConvertible {
  /// Spend this many quote units (within the coin's limits, never above what was available).
  case amount(Decimal)
  /// `available` quote units cannot cover the minimum trade `minimum`.
  case refused(available: Decimal, minimum: Decimal)

  /// The amount, or `nil` for a refusal.
  public var amount: Decimal? {
    if case .amount(let value) = self { return value }
    return nil
  }

  public var description: String {
    switch self {
    case .amount(let value): "\(value)"
    case .refused(let available, let minimum):
      "refused: \(available) available is below the minimum trade \(minimum)"
    }
  }
}
