/// The parameters of the simulated market's price and volume model.
///
/// Durations and time constants are seconds, drifts and gap sizes are log-price fractions
/// (0.01 ≈ 1 %). The model is described on `SimulatedMarket`; `standard` is its calibration.
/// Rates are per second of simulated time, so the path's statistics do not depend on the step.
public struct SimulatedMarketModel: Hashable, Sendable {
  /// Mean length of a range regime, s (standard: 3 h).
  public var rangeMeanDuration: Double = 10_800
  /// Mean length of a trend regime, s (standard: 2 h).
  public var trendMeanDuration: Double = 7_200
  /// Chance that a trend is followed by the opposite trend instead of a range, 0–1 (0.25).
  public var trendReversalProbability: Double = 0.25
  /// Drift of a trend, log fraction per day for an asset of 50 % annual volatility, scaled in
  /// proportion to the asset's volatility; drawn uniformly per trend (4 %–15 % a day).
  public var trendDailyDrift: ClosedRange<Double> = 0.04...0.15
  /// Time constant of the pull back to the level where a range began, s (1 h).
  public var rangeReversionTime: Double = 3_600
  /// Time constant of the weak pull back to the asset's reference price level, s (30 days), which
  /// keeps prices near their real levels over long runs.
  public var referenceReversionTime: Double = 2_592_000
  /// Half-life of a volatility shock in the GARCH(1,1) variance, s (2 h).
  public var volatilityHalfLife: Double = 7_200
  /// Share of the GARCH reaction α that the fourth-moment bound `(α+β)² + 2α² < 1` allows, 0–1
  /// (0.6): higher means stronger clustering and fatter tails.
  public var volatilityReaction: Double = 0.6
  /// Correlation of every asset's shocks with a common market factor, 0–1 (0.7; BTC uses 0.9).
  public var marketCorrelation: Double = 0.7
  /// Mean time between price gaps of one asset, s (24 h).
  public var gapMeanInterval: Double = 86_400
  /// Size of a gap, log fraction for an asset of 50 % annual volatility (0.4 %–1.2 %), scaled in
  /// proportion to the asset's volatility; up or down with equal odds.
  public var gapSize: ClosedRange<Double> = 0.004...0.012
  /// Factor applied to the variance at a gap (2): gaps start a volatile spell.
  public var gapVarianceBoost: Double = 2
  /// Mean time between volume spikes of one asset, s (3 h); a gap also spikes volume.
  public var volumeSpikeMeanInterval: Double = 10_800
  /// Volume multiplier at the peak of a spike (4×–12×), decaying toward 1.
  public var volumeSpikeSize: ClosedRange<Double> = 4...12
  /// Half-life of a volume spike's excess, s (2 min).
  public var volumeSpikeHalfLife: Double = 120
  /// Standard deviation of each coin's log-normal volume noise per step (0.4).
  public var volumeNoise: Double = 0.4
  /// Amplitude of the intraday volume cycle, fraction (0.3): volume peaks at 15:00 UTC and is
  /// lowest at 03:00 UTC.
  public var intradayVolumeAmplitude: Double = 0.3
  /// Standard deviation of a non-USD quote's price basis against USD, log fraction (0.0003,
  /// 3 basis points): USDT pairs track the USD path with this tiny independent spread.
  public var quoteBasisVolatility: Double = 0.0003
  /// Time constant of that basis' mean reversion, s (10 min).
  public var quoteBasisReversionTime: Double = 600

  /// The standard calibration.
  public init() {}

  /// The standard calibration (all defaults above).
  public static let standard = SimulatedMarketModel()
}
