public import AutoEngineCore
public import FoundationEssentials

/// One thing that happened in trading, as `WatchTradeEvents` streams it.
public enum TradeEvent: Sendable {
  /// An order was created or changed state.
  case order(Order)
  /// An order filled (partly).
  case fill(Fill)
  /// A trade decision was made (executed, refused or failed).
  case decision(TradeDecision)
  /// A position changed (opened, grew, shrank, closed, or its highest price rose).
  case position(PositionReport)
  /// Autobuy was started or stopped, or the kill switch changed.
  case autobuy(AutobuyState)

  /// The symbol the event is about; nil for autobuy changes (every subscriber gets those).
  public var symbol: String? {
    switch self {
    case .order(let order): order.symbol
    case .fill(let fill): fill.symbol
    case .decision(let decision): decision.symbol
    case .position(let position): position.position.symbol
    case .autobuy: nil
    }
  }

  /// True for a refused decision (streamed only to subscribers that ask for them).
  public var isRefusal: Bool {
    if case .decision(let decision) = self { return decision.outcome == .refused }
    return false
  }
}

/// Whether autobuy runs and whether the daily-loss kill switch holds it back.
public struct AutobuyState: Hashable, Sendable {
  /// Whether autobuy is started.
  public var running: Bool
  /// Whether the daily loss limit has paused buying until the next UTC day.
  public var killSwitchActive: Bool
  /// Why it is in this state, e.g. `started by operator` or `daily loss 512.30 ≥ limit 500`.
  public var reason: String
  /// When autobuy was last started; nil if never.
  public var startedAt: UnixTime?

  /// Creates a state.
  public init(running: Bool, killSwitchActive: Bool, reason: String, startedAt: UnixTime?) {
    self.running = running
    self.killSwitchActive = killSwitchActive
    self.reason = reason
    self.startedAt = startedAt
  }
}

/// A position with the market figures of the moment.
public struct PositionReport: Hashable, Sendable {
  /// The position (from fills).
  public var position: Position
  /// Current price, quote units; nil when unknown.
  public var currentPrice: Decimal?
  /// Price at which the stop-loss, take-profit and trailing stop sell; nil when disabled
  /// (the trailing stop also while not armed).
  public var stopLossPrice: Decimal?, takeProfitPrice: Decimal?, trailingStopPrice: Decimal?

  /// Creates a report.
  public init(
    position: Position, currentPrice: Decimal?, stopLossPrice: Decimal? = nil, takeProfitPrice: Decimal? = nil,
    trailingStopPrice: Decimal? = nil
  ) {
    self.position = position
    self.currentPrice = currentPrice
    self.stopLossPrice = stopLossPrice
    self.takeProfitPrice = takeProfitPrice
    self.trailingStopPrice = trailingStopPrice
  }

  /// Value at the current price (cost basis when unknown), quote units.
  public var marketValue: Decimal { currentPrice.map { position.marketValue(at: $0) } ?? position.costBasis }

  /// Unrealised P&L at the current price (0 when unknown), quote units.
  public var unrealizedPnl: Decimal { currentPrice.map { position.unrealizedPnl(at: $0) } ?? 0 }
}
