public import AutoEngineCore
public import FoundationEssentials

/// What a backtest found: per coin and in total, with the equity curve.
///
/// Definitions (also written into the JSON report):
/// - a **trade** is a closed round trip (buy … sell back to zero); win rate = profitable trades ÷
///   trades; best and worst trade are round-trip P&Ls;
/// - **realised P&L** is exact, fees included (average-cost method of `PositionBook`);
///   **unrealised** values open positions at their coin's last close;
/// - total **return %** = (final equity − starting capital) ÷ starting capital, where starting
///   capital is `trading.paper_starting_balance` for each quote asset traded (USD and USDT
///   counted at par) and final equity is cash plus open positions at their last close; a coin's
///   return % is its realised + unrealised P&L ÷ the same starting capital, so coins add up to
///   the total;
/// - **max drawdown** is the largest fall of the hourly mark-to-market equity from its previous
///   peak (total: percent of that peak and quote units; per coin: of the coin's P&L curve, in
///   quote units);
/// - **Sharpe** and **Sortino** use daily returns of the equity at 00:00 UTC, risk-free rate 0,
///   annualised by √365 (crypto trades every day); Sortino's denominator is the root mean square
///   of the negative daily returns (over all days). Both are nil with fewer than two daily returns
///   or no dispersion;
/// - **exposure** is the share of the period with a position open (total: any position);
/// - a strategy's **contribution** counts the closed trades whose buy it was among the top
///   contributors of (up to five), with those trades' wins and P&L;
/// - **refusals** are the refused buy decisions as the live desk journals them: once per coin and
///   reason until the reason changes, a fill happens or the signal stops being BUY.
public struct BacktestReport: Sendable {
  /// One coin's results.
  public struct CoinResult: Sendable {
    public var symbol: String
    public var exchange: Exchange
    /// The candle file, or `synthetic`.
    public var source: String
    public var candles: Int
    public var trades: Int, wins: Int, losses: Int
    public var realisedPnl: Decimal, unrealisedPnl: Decimal, fees: Decimal
    /// Contribution to the total return, percent of the starting capital.
    public var returnPercent: Double
    /// Largest fall of the coin's P&L curve, quote units.
    public var maxDrawdown: Double
    public var exposurePercent: Double
    public var bestTrade: Decimal?, worstTrade: Decimal?
    /// Exits by reason (`stop_loss`, `trailing_stop`, `take_profit`, `sell_signal`).
    public var exits: [String: Int]
    /// Refused buys by reason code, and failed orders by code.
    public var refusals: [String: Int], failures: [String: Int]
    /// Whether a position is still open at the end.
    public var positionOpen: Bool

    /// Win rate, percent; nil without trades.
    public var winRatePercent: Double? { trades > 0 ? Double(wins) / Double(trades) * 100 : nil }
  }

  /// A round trip at the top or bottom of the ranking.
  public struct TradeMark: Sendable {
    public var symbol: String
    public var pnl: Decimal
    /// When it closed.
    public var time: UnixTime
  }

  /// One strategy's share of the trades taken.
  public struct StrategyResult: Sendable {
    public var strategy: StrategyID
    public var trades: Int, wins: Int
    public var pnl: Decimal
  }

  /// The portfolio's results.
  public struct Totals: Sendable {
    public var startingCapital: Decimal, finalEquity: Decimal
    public var realisedPnl: Decimal, unrealisedPnl: Decimal, fees: Decimal
    public var returnPercent: Double
    public var maxDrawdownPercent: Double, maxDrawdownAmount: Double
    public var sharpe: Double?, sortino: Double?
    public var exposurePercent: Double
    public var trades: Int, wins: Int, losses: Int, buys: Int, openPositions: Int
    public var bestTrade: TradeMark?, worstTrade: TradeMark?
    public var exits: [String: Int], refusals: [String: Int], failures: [String: Int]

    /// Win rate, percent; nil without trades.
    public var winRatePercent: Double? { trades > 0 ? Double(wins) / Double(trades) * 100 : nil }
  }

  /// What the trade journal holds at the end, and whether the positions rebuilt from its fills
  /// equal the backtest's.
  public struct JournalCheck: Sendable {
    public var orders: Int, fills: Int, decisions: Int
    public var matchesPositions: Bool
  }

  /// First candle close traded and the last one, and the length in days.
  public var start: UnixTime, end: UnixTime
  public var days: Double { end.since(start) / 86_400 }
  /// Candles evaluated (warm-up included) and the strategies each ran.
  public var candles: Int
  public var strategyCount: Int
  public var coins: [CoinResult]
  public var totals: Totals
  /// Strategies among the top contributors of at least one closed trade, most trades first.
  public var strategies: [StrategyResult]
  /// The equity curve: hourly points (time, equity in quote units).
  public var equityCurve: [(time: UnixTime, equity: Double)]
  public var journal: JournalCheck?
  /// The rules applied (key → value), for the record.
  public var settings: [String: String]
  /// Wall-clock seconds the run took (not part of the JSON, which must not vary between runs).
  public var elapsedSeconds: Double
  /// Candles per wall-clock second.
  public var candlesPerSecond: Double { elapsedSeconds > 0 ? Double(candles) / elapsedSeconds : 0 }
}
