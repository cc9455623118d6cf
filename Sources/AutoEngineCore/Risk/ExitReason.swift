public import FoundationEssentials

/// Why the exit rules sell an open position, with the prices that decided it.
public enum ExitReason: Hashable, Sendable, CustomStringConvertible {
  /// The price fell to or below `trigger` = entry × (1 − stop-loss %).
  case stopLoss(price: Decimal, trigger: Decimal)
  /// The price fell to or below `trigger` = highest × (1 − trailing %), after the highest price
  /// had risen at least trailing % above entry.
  case trailingStop(price: Decimal, trigger: Decimal, highest: Decimal)
  /// The price rose to or above `trigger` = entry × (1 + take-profit %).
  case takeProfit(price: Decimal, trigger: Decimal)
  /// The aggregated signal is SELL with strength and confidence at or above the entry thresholds.
  case sellSignal(strength: Double, confidence: Double)

  /// A short stable key: `stop_loss`, `trailing_stop`, `take_profit`, `sell_signal`.
  public var code: String {
    switch self {
    case .stopLoss: "stop_loss"
    case .trailingStop: "trailing_stop"
    case .takeProfit: "take_profit"
    case .sellSignal: "sell_signal"
    }
  }

  public var description: String {
    switch self {
    case .stopLoss(let price, let trigger):
      "stop-loss: price \(price) ≤ \(trigger)"
    case .trailingStop(let price, let trigger, let highest):
      "trailing stop: price \(price) ≤ \(trigger) (high \(highest))"
    case .takeProfit(let price, let trigger):
      "take-profit: price \(price) ≥ \(trigger)"
    case .sellSignal(let strength, let confidence):
      "SELL signal: strength \(NumberText.fixed(strength, decimals: 2)), "
        + "confidence \(NumberText.fixed(confidence, decimals: 2))"
    }
  }
}
