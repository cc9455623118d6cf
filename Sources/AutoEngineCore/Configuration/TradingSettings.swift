public import FoundationEssentials

/// Per-trade limits and the trading mode.
///
/// Amounts are in each coin's quote asset (USD or USDT). Defaults are the seed's: 10 minimum,
/// 10,000 maximum for BTC and ETH, 5,000 maximum for every other coin; paper trading with a
/// 10,000 starting balance in each quote asset, 0.1 % fee and 0.05 % slippage; open orders expire
/// after 300 s.
public struct TradingSettings: Hashable, Sendable {
  /// `trading.mode`: paper (default) or live.
  public var mode: TradingMode
  /// `trading.min_trade_amount`: smallest order in quote units, > 0 (default 10).
  public var minTradeAmount: Decimal
  /// `trading.max_trade_amount_btc_eth`: largest order for BTC and ETH coins (default 10,000).
  public var majorMaxTradeAmount: Decimal
  /// `trading.max_trade_amount`: largest order for every other coin (default 5,000).
  public var maxTradeAmount: Decimal
  /// `trading.paper_starting_balance`: quote balance the paper broker starts with, ≥ 0
  /// (default 10,000).
  public var paperStartingBalance: Decimal
  /// `trading.paper_fee_pct`: fee the paper broker charges on each fill's quote value, percent,
  /// 0 ≤ x < 100 (default 0.1, Binance.US's base taker rate).
  public var paperFeePercent: Decimal
  /// `trading.paper_slippage_pct`: how far the paper broker fills a market order beyond the
  /// current price (above for buys, below for sells), percent, 0 ≤ x < 100 (default 0.05).
  public var paperSlippagePercent: Decimal
  /// `trading.open_order_timeout`: seconds after which an order still open on the exchange is
  /// cancelled and marked expired, > 0 (default 300).
  public var openOrderTimeout: Double

  /// Creates trading settings; every argument defaults to the seed's value.
  public init(
    mode: TradingMode = .paper, minTradeAmount: Decimal = 10, majorMaxTradeAmount: Decimal = 10_000,
    maxTradeAmount: Decimal = 5_000, paperStartingBalance: Decimal = 10_000, paperFeePercent: Decimal = 0.1,
    paperSlippagePercent: Decimal = 0.05, openOrderTimeout: Double = 300
  ) {
    self.mode = mode
    self.minTradeAmount = minTradeAmount
    self.majorMaxTradeAmount = majorMaxTradeAmount
    self.maxTradeAmount = maxTradeAmount
    self.paperStartingBalance = paperStartingBalance
    self.paperFeePercent = paperFeePercent
    self.paperSlippagePercent = paperSlippagePercent
    self.openOrderTimeout = openOrderTimeout
  }

  /// The largest order for a coin with base asset `base`: the BTC/ETH limit for
  /// `CoinCatalogue.majorBases`, the general limit otherwise.
  public func maxTradeAmount(forBase base: String) -> Decimal {
    CoinCatalogue.majorBases.contains(base.uppercased()) ? majorMaxTradeAmount : maxTradeAmount
  }

  /// The seed's 40 coins with these limits.
  ///
  /// - Throws: `CoinCatalogueError` when the limits are invalid (e.g. min > max); a configuration
  ///   that passes `EngineConfiguration.validate()` never throws here.
  public func seedCatalogue() throws(CoinCatalogueError) -> CoinCatalogue {
    try CoinCatalogue(
      CoinCatalogue.seedCoins(
        minTradeAmount: minTradeAmount, majorMaxTradeAmount: majorMaxTradeAmount,
        maxTradeAmount: maxTradeAmount))
  }
}
