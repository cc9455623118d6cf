public import AutoEngineCore
public import FoundationEssentials

/// Everything the engine knows about one coin at one moment: the value every transport maps.
///
/// Produced by the shared cache after each fetch and evaluation, published on the event hub and
/// served by `Engine`. Prices exact (`Decimal`), analytics `Double`, absent values `nil`.
public struct CoinState: Sendable {
  /// The configured coin (its `symbol` is the configured one).
  public var coin: Coin
  /// The symbol used on the exchange (the successor when the configured one is missing).
  public var activeSymbol: String
  /// Last price, quote asset; nil before the first fetch.
  public var price: Decimal?
  /// Best bid and ask, quote asset; nil when the source gives none.
  public var bid: Decimal?, ask: Decimal?
  /// Price change over 24 hours, percent.
  public var change24hPercent: Double?
  /// Volume over 24 hours, base and quote asset.
  public var volume24h: Decimal?, quoteVolume24h: Decimal?
  /// Change of the 24-hour volume since the previous volume fetch, percent.
  public var volumeChangePercent: Double?
  /// Highest, lowest and first price of the last hour, quote asset.
  public var high1h: Double?, low1h: Double?, open1h: Double?
  /// Price samples held in the history.
  public var priceSamples: Int
  /// Up to 60 prices evenly spaced over the last `sparklineSeconds`, oldest first.
  public var sparkline: [Double]
  /// Span of `sparkline`, seconds.
  public var sparklineSeconds: Int
  /// Indicator values after the latest closed candle.
  public var indicators: IndicatorSnapshot
  /// The aggregate of the strategies at the latest evaluation; nil before the first.
  public var aggregate: AggregatedSignal?
  /// The human-readable reasons of the aggregate's top contributors, by strategy.
  public var topReasons: [StrategyID: String] = [:]
  /// The cosmic inputs at the latest evaluation.
  public var cosmic: CosmicInputs?
  /// When the price, volume, indicators and cosmic data were last updated.
  public var priceUpdatedAt: UnixTime?, volumeUpdatedAt: UnixTime?, indicatorsUpdatedAt: UnixTime?,
    cosmicUpdatedAt: UnixTime?
  /// True when the price is older than the stale limit: no strategy may trade the coin.
  public var isStale: Bool
  /// Why the coin is stale, e.g. "no price for 42 s (limit 30 s)"; empty when fresh.
  public var staleReason: String

  /// A state with nothing known yet.
  public init(coin: Coin, activeSymbol: String? = nil) {
    self.coin = coin
    self.activeSymbol = activeSymbol ?? coin.symbol
    priceSamples = 0
    sparkline = []
    sparklineSeconds = 3600
    indicators = IndicatorSnapshot()
    isStale = true
    staleReason = "no price yet"
  }
}
