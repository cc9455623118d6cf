public import FoundationEssentials

/// Exit rules and portfolio limits applied on top of the seed's entry rules.
///
/// Percentages are percent of the entry (or highest) price, e.g. 5 means 5 %; 0 disables that
/// exit rule. Amounts are in quote units (USD/USDT, summed across coins as if equal in value).
/// Defaults: stop-loss 5 %, take-profit 10 %, trailing stop 3 %, at most 10 open positions,
/// at most 20,000 total exposure, daily loss limit 500.
public struct RiskSettings: Hashable, Sendable {
  /// `risk.stop_loss_pct`: sell when the price falls this many percent below entry,
  /// 0 ≤ x < 100, 0 disables (default 5).
  public var stopLossPercent: Decimal
  /// `risk.take_profit_pct`: sell when the price rises this many percent above entry,
  /// ≥ 0, 0 disables (default 10).
  public var takeProfitPercent: Decimal
  /// `risk.trailing_stop_pct`: once the highest price since entry is this many percent above entry,
  /// sell when the price falls this many percent below that highest price; 0 ≤ x < 100,
  /// 0 disables (default 3).
  public var trailingStopPercent: Decimal
  /// `risk.max_open_positions`: autobuy opens no new position while this many are open, ≥ 1
  /// (default 10).
  public var maxOpenPositions: Int
  /// `risk.max_total_exposure`: the quote value of all open positions may not exceed this, > 0
  /// (default 20,000).
  public var maxTotalExposure: Decimal
  /// `risk.daily_loss_limit`: when realised losses since 00:00 UTC reach this amount, autobuy stops
  /// for the rest of the UTC day (the kill switch), > 0 (default 500).
  public var dailyLossLimit: Decimal

  /// Creates risk settings; every argument defaults to the documented default.
  public init(
    stopLossPercent: Decimal = 5, takeProfitPercent: Decimal = 10, trailingStopPercent: Decimal = 3,
    maxOpenPositions: Int = 10, maxTotalExposure: Decimal = 20_000, dailyLossLimit: Decimal = 500
  ) {
    self.stopLossPercent = stopLossPercent
    self.takeProfitPercent = takeProfitPercent
    self.trailingStopPercent = trailingStopPercent
    self.maxOpenPositions = maxOpenPositions
    self.maxTotalExposure = maxTotalExposure
    self.dailyLossLimit = dailyLossLimit
  }
}
