public import FoundationEssentials

/// Trade statistics of one coin (`symbol` set) or of all coins (`symbol` nil).
///
/// Counts: `attempted` orders the engine tried to place (every journalled order), `succeeded`
/// those that filled at least partly, `failed` those rejected or failed, `refused` decisions the
/// rules refused. `reasons` counts failures and refusals by their short code. P&L in quote units.
public struct TradingStatistics: Hashable, Sendable {
  /// Exchange symbol; nil for the totals.
  public var symbol: String?
  /// Orders the engine tried to place.
  public var attempted: Int = 0
  /// Orders that filled, fully or partly.
  public var succeeded: Int = 0
  /// Orders rejected or failed.
  public var failed: Int = 0
  /// Decisions refused by the rules.
  public var refused: Int = 0
  /// Failures and refusals by reason code, e.g. `["cooldown": 12, "INSUFFICIENT_FUND": 1]`.
  public var reasons: [String: Int] = [:]
  /// Realised profit or loss, quote units.
  public var realizedPnl: Decimal = 0
  /// Unrealised profit or loss of open positions at current prices, quote units.
  public var unrealizedPnl: Decimal = 0
  /// Closed round trips with a profit, and with a loss.
  public var wins: Int = 0, losses: Int = 0

  /// Empty statistics for `symbol` (nil: the totals).
  public init(symbol: String? = nil) { self.symbol = symbol }

  /// wins ÷ (wins + losses), 0…1; 0 when there are none.
  public var winRate: Double {
    wins + losses == 0 ? 0 : Double(wins) / Double(wins + losses)
  }

  /// Adds another coin's statistics into these (for the totals).
  public mutating func add(_ other: TradingStatistics) {
    attempted += other.attempted
    succeeded += other.succeeded
    failed += other.failed
    refused += other.refused
    for (key, count) in other.reasons { reasons[key, default: 0] += count }
    realizedPnl += other.realizedPnl
    unrealizedPnl += other.unrealizedPnl
    wins += other.wins
    losses += other.losses
  }
}
