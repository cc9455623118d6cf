public import AutoEngineCore

/// One coin of a backtest: the coin traded, its price tick and its candle interval.
public struct BacktestCoin: Hashable, Sendable {
  /// The coin (symbol, exchange, trade limits).
  public var coin: Coin
  /// Where its candles come from: a file path, or `synthetic`.
  public var source: String
  /// Seconds between candle opens; a candle's close — the moment the engine acts on it — is its
  /// open time plus this.
  public var interval: Double
  /// The coin's price step; prices become exact `Decimal` through it.
  public var tick: PriceTick

  /// Creates a backtest coin.
  public init(coin: Coin, source: String, interval: Double, tick: PriceTick) {
    self.coin = coin
    self.source = source
    self.interval = interval
    self.tick = tick
  }
}
