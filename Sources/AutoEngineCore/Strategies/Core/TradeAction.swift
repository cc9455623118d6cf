/// What a strategy, or the aggregate of all strategies, advises for a coin.
public enum TradeAction: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// Do nothing: no rule fired, the signals disagree, or an input is missing.
  case hold
  /// Open or add to a long position.
  case buy
  /// Close or reduce a long position.
  case sell

  /// The sign of the advice: +1 for `buy`, −1 for `sell`, 0 for `hold`.
  public var direction: Double {
    switch self {
    case .hold: 0
    case .buy: 1
    case .sell: -1
    }
  }

  /// `BUY`, `SELL` or `HOLD`, as the seed's API prints actions.
  public var description: String {
    switch self {
    case .hold: "HOLD"
    case .buy: "BUY"
    case .sell: "SELL"
    }
  }
}
