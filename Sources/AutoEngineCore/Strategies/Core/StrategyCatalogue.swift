/// The seventy numbered strategies, P1…P70, with their default parameters.
///
/// `all[n − 1]` is strategy `Pn`. Numbering follows the seed's categories: price 1–20,
/// volume 21–35, technical 36–50, momentum 51–60, volatility 61–65, cosmic 66–70.
public enum StrategyCatalogue {
  /// Every strategy in number order.
  public static let all: [any Strategy] = price + volume + technical + momentum + volatility + cosmic

  /// The strategy with `id`.
  public static func strategy(_ id: StrategyID) -> any Strategy { all[id.number - 1] }

  /// The strategies of `category`, in number order.
  public static func strategies(in category: StrategyCategory) -> [any Strategy] {
    all.filter { $0.category == category }
  }

  private static let price: [any Strategy] = [
    ChannelBreakStrategy(.donchianHigh20),  // P1
    ChannelBreakStrategy(.high50),  // P2
    ChannelBreakStrategy(.donchianLow20),  // P3
    ChannelBreakStrategy(.low50),  // P4
    TrendSlopeStrategy(),  // P5
    PriceThrustStrategy(),  // P6
    SupportBounceStrategy(),  // P7
    ResistanceRejectionStrategy(),  // P8
    PivotCrossStrategy(.resistance1),  // P9
    PivotCrossStrategy(.support1),  // P10
    PivotCrossStrategy(.pivot),  // P11
    TrendReversalStrategy(),  // P12
    TrendSlopeReversalStrategy(),  // P13
    MovingAverageStackStrategy(),  // P14
    EMARibbonStrategy(),  // P15
    SMA20CrossStrategy(),  // P16
    GapStrategy(),  // P17
    EngulfingStrategy(),  // P18
    HammerStrategy(),  // P19
    MeanStretchStrategy(),  // P20
  ]

  private static let volume: [any Strategy] = [
    VolumeSpikeStrategy(.up),  // P21
    VolumeSpikeStrategy(.down),  // P22
    VolumeClimaxStrategy(),  // P23
    QuietPullbackStrategy(),  // P24
    VolumeDivergenceStrategy(),  // P25
    OBVCrossStrategy(),  // P26
    OBVTrendStrategy(),  // P27
    OBVDivergenceStrategy(),  // P28
    PriceVolumeCorrelationStrategy(),  // P29
    VWAPCrossStrategy(),  // P30
    VWAPDeviationStrategy(),  // P31
    MFIExtremesStrategy(),  // P32
    MFIZoneExitStrategy(),  // P33
    VolumeConfirmedBreakoutStrategy(),  // P34
    SustainedVolumeStrategy(),  // P35
  ]

  private static let technical: [any Strategy] = [
    RSIExtremesStrategy(),  // P36
    RSIMidlineCrossStrategy(),  // P37
    MACDSignalCrossStrategy(),  // P38
    MACDHistogramTurnStrategy(),  // P39
    MACDZeroCrossStrategy(),  // P40
    MACDDivergenceStrategy(),  // P41
    MovingAverageCrossStrategy(.ema9ema21),  // P42
    MovingAverageCrossStrategy(.ema12ema26),  // P43
    MovingAverageCrossStrategy(.sma50sma200),  // P44
    StochasticCrossStrategy(),  // P45
    CCIZoneExitStrategy(),  // P46
    WilliamsRStrategy(),  // P47
    ADXTrendStrategy(),  // P48
    DirectionalCrossStrategy(),  // P49
    MovingAverageCrossStrategy(.sma20sma50),  // P50
  ]

  private static let momentum: [any Strategy] = [
    TimeframeMomentumStrategy(.oneMinute),  // P51
    TimeframeMomentumStrategy(.fiveMinutes),  // P52
    TimeframeMomentumStrategy(.fifteenMinutes),  // P53
    TimeframeMomentumStrategy(.oneHour),  // P54
    MomentumConvergenceStrategy(),  // P55
    MomentumPullbackStrategy(),  // P56
    MomentumAccelerationStrategy(),  // P57
    RateOfChangeStrategy(),  // P58
    RateOfChangeZeroCrossStrategy(),  // P59
    MomentumExhaustionStrategy(),  // P60
  ]

  private static let volatility: [any Strategy] = [
    BollingerBreakoutStrategy(),  // P61
    SqueezeBreakoutStrategy(),  // P62
    ATRExpansionStrategy(),  // P63
    VolatilityRegimeStrategy(),  // P64
    PercentBReversionStrategy(),  // P65
  ]

  private static let cosmic: [any Strategy] = [
    SolarFlareStrategy(),  // P66
    GeomagneticStormStrategy(),  // P67
    SchumannResonanceStrategy(),  // P68
    LunarPhaseStrategy(),  // P69
    CosmicAlignmentStrategy(),  // P70
  ]
}
