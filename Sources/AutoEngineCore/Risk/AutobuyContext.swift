public import FoundationEssentials

/// Everything the autobuy rule needs to know about one coin at one moment.
///
/// The runtime assembles it after the coin's strategies run; `AutobuyPolicy.decide(_:)` turns it
/// into a buy or a refusal. Amounts are in quote units.
public struct AutobuyContext: Hashable, Sendable {
  /// Whether autobuy has been started (and not stopped).
  public var isAutobuyRunning: Bool
  /// The coin, with its enabled flag and trade limits.
  public var coin: Coin
  /// Whether the coin's newest price is older than the stale threshold
  /// (`FetchSettings.isStale(lastPriceTime:now:)`).
  public var isStale: Bool
  /// The coin's aggregated signal.
  public var signal: SignalSnapshot
  /// The instant of the decision.
  public var now: UnixTime
  /// When this coin last traded (buy or sell), or `nil` if never.
  public var lastTradeTime: UnixTime?
  /// Whether an order for this coin is still open (not filled, cancelled or rejected).
  public var hasOpenOrder: Bool
  /// Number of open positions across all coins.
  public var openPositionCount: Int
  /// Quote value of all open positions across all coins (at cost or mark, as the caller keeps it).
  public var totalExposure: Decimal
  /// Net realised loss since 00:00 UTC today, as a positive amount (0 or negative when the day is
  /// net profitable).
  public var dailyRealisedLoss: Decimal
  /// Quote balance available to spend.
  public var availableBalance: Decimal

  /// Creates a context; the portfolio fields default to an empty portfolio.
  public init(
    isAutobuyRunning: Bool, coin: Coin, isStale: Bool, signal: SignalSnapshot, now: UnixTime,
    lastTradeTime: UnixTime? = nil, hasOpenOrder: Bool = false, openPositionCount: Int = 0,
    totalExposure: Decimal = 0, dailyRealisedLoss: Decimal = 0, availableBalance: Decimal
  ) {
    self.isAutobuyRunning = isAutobuyRunning
    self.coin = coin
    self.isStale = isStale
    self.signal = signal
    self.now = now
    self.lastTradeTime = lastTradeTime
    self.hasOpenOrder = hasOpenOrder
    self.openPositionCount = openPositionCount
    self.totalExposure = totalExposure
    self.dailyRealisedLoss = dailyRealisedLoss
    self.availableBalance = availableBalance
  }
}
