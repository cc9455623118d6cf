public import FoundationEssentials

/// What the desk does with one coin after its strategies ran: the one place where the exit
/// rules, the entry rule and the spendable balance meet.
///
/// Both the live `TradingDesk` and the backtest call `judge`, so a backtest decides exactly as
/// the running engine would (same checks, same order, same amounts):
/// - a coin with an open position is judged by `ExitPolicy` only — never on a stale or missing
///   price, never while an order of the coin is open;
/// - a coin without a position whose aggregate is BUY is judged by `AutobuyPolicy`, with the
///   spendable balance `free ÷ (1 + fee %)` rounded down to cents (room for the fee, so a buy of
///   the whole balance is still affordable);
/// - any other coin is left alone, and its remembered refusal is forgotten (`.forgetRefusal`),
///   so the next refusal is recorded again.
public struct TradingRules: Hashable, Sendable {
  /// The autobuy entry rule.
  public var entry: AutobuyPolicy
  /// The exit rules.
  public var exit: ExitPolicy
  /// The fee kept aside when sizing a buy, percent of its value (`trading.paper_fee_pct`).
  public var feePercent: Decimal

  /// Rules from their parts.
  public init(entry: AutobuyPolicy, exit: ExitPolicy, feePercent: Decimal) {
    self.entry = entry
    self.exit = exit
    self.feePercent = feePercent
  }

  /// The rules of a configuration (`strategy.*`, `risk.*`, `trading.paper_fee_pct`).
  public init(configuration: EngineConfiguration) {
    self.init(
      entry: AutobuyPolicy(configuration: configuration), exit: ExitPolicy(configuration: configuration),
      feePercent: configuration.trading.paperFeePercent)
  }

  /// One coin's market as the desk sees it at the decision.
  public struct CoinMarket: Hashable, Sendable {
    /// Latest price, quote units; nil when none is known.
    public var price: Decimal?
    /// Whether the price is stale (reported so, or too old).
    public var isStale: Bool
    /// The coin's aggregated signal.
    public var signal: SignalSnapshot

    /// Creates a market view.
    public init(price: Decimal?, isStale: Bool, signal: SignalSnapshot) {
      self.price = price
      self.isStale = isStale
      self.signal = signal
    }
  }

  /// The portfolio figures the entry rule needs; asked for only when an entry is judged.
  public struct Portfolio: Hashable, Sendable {
    /// Open positions across all coins.
    public var openPositionCount: Int
    /// Cost basis of all open positions, quote units.
    public var totalExposure: Decimal
    /// Net realised loss since 00:00 UTC as a positive amount.
    public var dailyRealisedLoss: Decimal
    /// Free balance of the coin's quote asset, quote units.
    public var freeBalance: Decimal

    /// Creates the figures.
    public init(openPositionCount: Int, totalExposure: Decimal, dailyRealisedLoss: Decimal, freeBalance: Decimal) {
      self.openPositionCount = openPositionCount
      self.totalExposure = totalExposure
      self.dailyRealisedLoss = dailyRealisedLoss
      self.freeBalance = freeBalance
    }
  }

  /// The outcome for one coin.
  public enum Judgement: Hashable, Sendable {
    /// Nothing to do.
    case hold
    /// Nothing to do, and the coin's remembered refusal is forgotten (its signal is not BUY).
    case forgetRefusal
    /// Sell the whole position, for this reason.
    case exit(ExitReason)
    /// Buy for this many quote units.
    case buy(quoteAmount: Decimal)
    /// Do not buy, for this reason.
    case refuse(EntryRefusal)
  }

  /// Quote units that may be spent out of `free`: `free ÷ (1 + fee %)`, rounded down to cents.
  public func spendable(free: Decimal) -> Decimal {
    Swift.max(0, free / (1 + feePercent / 100)).roundedDown(toPlaces: 2)
  }

  /// Judges `coin` now; see the type's documentation.
  ///
  /// - Parameters:
  ///   - position: the coin's open position, or nil when none is open.
  ///   - portfolio: the portfolio figures, called only when an entry is judged.
  public func judge(
    coin: Coin, market: CoinMarket, position: Position?, hasOpenOrder: Bool, isAutobuyRunning: Bool,
    now: UnixTime, lastTradeTime: UnixTime?, portfolio: () -> Portfolio
  ) -> Judgement {
    if let position {
      guard let price = market.price, !market.isStale, let prices = position.exitPrices, !hasOpenOrder else {
        return .hold
      }
      guard case .sell(let reason) = exit.decide(position: prices, price: price, signal: market.signal) else {
        return .hold
      }
      return .exit(reason)
    }
    guard market.signal.action == .buy else { return .forgetRefusal }
    let figures = portfolio()
    let context = AutobuyContext(
      isAutobuyRunning: isAutobuyRunning, coin: coin, isStale: market.isStale, signal: market.signal, now: now,
      lastTradeTime: lastTradeTime, hasOpenOrder: hasOpenOrder, openPositionCount: figures.openPositionCount,
      totalExposure: figures.totalExposure, dailyRealisedLoss: figures.dailyRealisedLoss,
      availableBalance: spendable(free: figures.freeBalance))
    switch entry.decide(context) {
    case .buy(let amount): return .buy(quoteAmount: amount)
    case .refuse(let refusal): return .refuse(refusal)
    }
  }
}
