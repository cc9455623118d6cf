public import FoundationEssentials

/// What autobuy decided for one coin: buy for an amount, or refuse with a reason.
public enum EntryDecision: Hashable, Sendable, CustomStringConvertible {
  /// Place a market buy spending this many quote units.
  case buy(quoteAmount: Decimal)
  /// Do not buy, for this reason.
  case refuse(EntryRefusal)

  /// The amount to spend, or `nil` for a refusal.
  public var quoteAmount: Decimal? {
    if case .buy(let amount) = self { return amount }
    return nil
  }

  /// The reason for a refusal, or `nil` for a buy.
  public var refusal: EntryRefusal? {
    if case .refuse(let reason) = self { return reason }
    return nil
  }

  /// `buy 123.45` or `refused: cooldown until 12:04:10`.
  public var description: String {
    switch self {
    case .buy(let amount): "buy \(amount)"
    case .refuse(let reason): "refused: \(reason)"
    }
  }
}
