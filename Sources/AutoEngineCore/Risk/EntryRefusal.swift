public import FoundationEssentials

/// Why autobuy did not buy a coin, with the numbers that decided it.
///
/// `description` is the human reason recorded in the trade journal, e.g.
/// `cooldown until 12:04:10` (times are UTC, `HH:mm:ss`).
public enum EntryRefusal: Hashable, Sendable, CustomStringConvertible {
  /// Autobuy is not running.
  case autobuyStopped
  /// Today's realised loss reached the daily limit; autobuy is paused until `until`
  /// (the next 00:00 UTC).
  case dailyLossLimit(loss: Decimal, limit: Decimal, until: UnixTime)
  /// The coin is disabled in the catalogue.
  case coinDisabled
  /// The coin's price is stale.
  case stale
  /// The aggregated action is not BUY.
  case notABuySignal(SignalSnapshot.Action)
  /// The aggregated strength is below `strategy.min_signal_strength`.
  case strengthTooLow(Double, minimum: Double)
  /// The aggregated confidence is below `strategy.min_confidence`.
  case confidenceTooLow(Double, minimum: Double)
  /// The coin traded less than `strategy.cooldown_period` ago; buying is allowed again at `until`.
  case cooldown(until: UnixTime)
  /// An order for the coin is still open.
  case openOrder
  /// `risk.max_open_positions` positions are already open (the associated value is the limit).
  case maxOpenPositions(Int)
  /// Open positions leave less than the coin's minimum trade below `risk.max_total_exposure`.
  case maxExposure(current: Decimal, limit: Decimal)
  /// The available balance cannot cover the coin's minimum trade.
  case insufficientBalance(available: Decimal, minimum: Decimal)

  /// A short stable key for statistics and filters, e.g. `cooldown`, `confidence`.
  public var code: String {
    switch self {
    case .autobuyStopped: "autobuy_stopped"
    case .dailyLossLimit: "daily_loss_limit"
    case .coinDisabled: "coin_disabled"
    case .stale: "stale"
    case .notABuySignal: "not_a_buy_signal"
    case .strengthTooLow: "strength"
    case .confidenceTooLow: "confidence"
    case .cooldown: "cooldown"
    case .openOrder: "open_order"
    case .maxOpenPositions: "max_open_positions"
    case .maxExposure: "max_exposure"
    case .insufficientBalance: "insufficient_balance"
    }
  }

  public var description: String {
    switch self {
    case .autobuyStopped:
      "autobuy is stopped"
    case .dailyLossLimit(let loss, let limit, let until):
      "daily loss limit reached (realised loss \(loss) ≥ \(limit)); autobuy paused until "
        + "\(until.utcTimeOfDayText) UTC"
    case .coinDisabled:
      "coin is disabled"
    case .stale:
      "price data is stale"
    case .notABuySignal(let action):
      "aggregated signal is \(action), not BUY"
    case .strengthTooLow(let strength, let minimum):
      "signal strength \(NumberText.fixed(strength, decimals: 2)) is below the minimum "
        + NumberText.fixed(minimum, decimals: 2)
    case .confidenceTooLow(let confidence, let minimum):
      "confidence \(NumberText.fixed(confidence, decimals: 2)) is below the minimum "
        + NumberText.fixed(minimum, decimals: 2)
    case .cooldown(let until):
      "cooldown until \(until.utcTimeOfDayText)"
    case .openOrder:
      "an order for this coin is still open"
    case .maxOpenPositions(let limit):
      "max open positions reached (\(limit))"
    case .maxExposure(let current, let limit):
      "max total exposure reached (\(current) of \(limit))"
    case .insufficientBalance(let available, let minimum):
      "insufficient balance (\(available) available, minimum trade \(minimum))"
    }
  }
}
