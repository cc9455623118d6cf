public import AutoEngineCore
public import FoundationEssentials

/// Everything `GetTradingInfo` / `GET /api/trading` answers: state, statistics, positions,
/// open orders, balances and the risk rules in force.
public struct TradingInfoReport: Sendable {
  /// Whether autobuy runs, the kill switch, and when autobuy was last started.
  public var autobuy: AutobuyState
  /// Paper or live.
  public var mode: TradingMode
  /// Broker names, e.g. `paper`.
  public var broker: String
  /// Totals over all coins.
  public var totals: TradingStatistics
  /// Per coin that has traded or been refused, by symbol.
  public var perCoin: [TradingStatistics]
  /// Open positions with current prices.
  public var positions: [PositionReport]
  /// Orders not final yet, oldest first.
  public var openOrders: [Order]
  /// Balances per asset.
  public var balances: [AssetBalance]
  /// The configuration whose `strategy.*`, `risk.*` and `trading.*` values are the rules in force.
  public var configuration: EngineConfiguration
}
