/// Every indicator of one coin, updated together, candle by candle, into an ``IndicatorSnapshot``.
///
/// Owns one instance of each indicator with the periods the snapshot's fields name (SMA 20/50/200,
/// EMA 9/12/21/26/50, RSI 14, MACD 12/26/9, the 120-candle band-width minimum, …). `update(_:)` feeds a candle to all of them and
/// keeps two snapshots: `snapshot` after the latest candle and `previous` before it, so a
/// strategy sees a crossover as a sign change between the two. Every buffer is allocated at
/// `init`; an update allocates nothing and costs O(1) amortised (CCI: O(20)). A rejected candle changes
/// nothing.
public struct IndicatorSet: Sendable {
  /// Why a candle was not applied.
  public enum Rejection: Error, Hashable, Sendable {
    /// The candle is not ``Candle/isWellFormed`` (non-finite or non-positive price, high below
    /// low, open or close outside the high–low range, or negative volume).
    case notWellFormed
    /// The candle's time is not later than the latest applied candle's time.
    case notAfterLatest(latest: UnixTime)
  }

  /// Candles per pivot block (see ``PivotLevels``).
  public var pivotPeriod: Int { pivots.period }
  /// Closes kept for the per-timeframe momentum (see ``CloseHistory``).
  public var historyCapacity: Int { closeHistory.capacity }

  /// The indicators after the latest candle.
  public private(set) var snapshot = IndicatorSnapshot()
  /// The indicators before the latest candle (empty before the second candle).
  public private(set) var previous = IndicatorSnapshot()

  var sma20 = SimpleMovingAverage(period: 20)
  var sma50 = SimpleMovingAverage(period: 50)
  var sma200 = SimpleMovingAverage(period: 200)
  var ema9 = ExponentialMovingAverage(period: 9)
  var ema12 = ExponentialMovingAverage(period: 12)
  var ema21 = ExponentialMovingAverage(period: 21)
  var ema26 = ExponentialMovingAverage(period: 26)
  var ema50 = ExponentialMovingAverage(period: 50)
  var rsi = RelativeStrengthIndex(period: 14)
  var macd = MACD(fastPeriod: 12, slowPeriod: 26, signalPeriod: 9)
  var stochastic = StochasticOscillator(fastKPeriod: 14, slowKPeriod: 3, slowDPeriod: 3)
  var cci = CommodityChannelIndex(period: 20)
  var williamsR = WilliamsPercentR(period: 14)
  var mfi = MoneyFlowIndex(period: 14)
  var roc = RateOfChange(period: 10)
  var directional = DirectionalMovement(period: 14)
  var trendSlope = TrendSlope(period: 20)
  var bollinger = BollingerBands(period: 20, deviations: 2)
  var bandWidthMinimum = RollingExtreme(period: 120, kind: .minimum)
  var atr = AverageTrueRange(period: 14)
  var volatility20 = RealizedVolatility(period: 20)
  var volatility100 = RealizedVolatility(period: 100)
  var obv = OnBalanceVolume(averagePeriod: 20)
  var vwap = VolumeWeightedAveragePrice()
  var vwap20 = RollingVolumeWeightedAveragePrice(period: 20)
  var volume = VolumeStatistics(period: 20)
  var priceVolume = PriceVolumeCorrelation(period: 20)
  var donchian20 = DonchianChannel(period: 20)
  var range50 = DonchianChannel(period: 50)
  var extremeMACD = PriorExtremeMACD(period: 20)
  var pivots: PivotLevels
  var closeHistory: CloseHistory
  var momentum1m = TimeframeMomentum(windowSeconds: 60)
  var momentum5m = TimeframeMomentum(windowSeconds: 300)
  var momentum15m = TimeframeMomentum(windowSeconds: 900)
  var momentum1h = TimeframeMomentum(windowSeconds: 3600)

  /// Creates an empty set.
  ///
  /// - Parameters:
  ///   - pivotPeriod: candles per pivot block (default 60: one hour of 1-minute candles, five
  ///     hours of 5-minute candles).
  ///   - historyCapacity: closes kept for the 1 m / 5 m / 15 m / 1 h momentum; must exceed
  ///     3600 s ÷ candle spacing for the 1 h momentum (default 721: 5-second spacing or longer).
  public init(pivotPeriod: Int = 60, historyCapacity: Int = 721) {
    pivots = PivotLevels(period: pivotPeriod)
    closeHistory = CloseHistory(capacity: historyCapacity)
  }

  /// Applies the next candle to every indicator and updates `snapshot` and `previous`.
  ///
  /// - Throws: ``Rejection`` when the candle is not well formed or not later than the latest
  ///   applied one; the set is then left exactly as it was.
  public mutating func update(_ candle: Candle) throws(Rejection) {
    guard candle.isWellFormed else { throw .notWellFormed }
    if let latest = snapshot.time, candle.time <= latest {
      throw .notAfterLatest(latest: latest)
    }
    previous = snapshot
    let close = candle.close

    sma20.update(close)
    sma50.update(close)
    sma200.update(close)
    ema9.update(close)
    ema12.update(close)
    ema21.update(close)
    ema26.update(close)
    ema50.update(close)
    rsi.update(close)
    macd.update(close)
    stochastic.update(candle)
    cci.update(candle)
    williamsR.update(candle)
    mfi.update(candle)
    roc.update(close)
    directional.update(candle)
    trendSlope.update(close)
    bollinger.update(close)
    if let width = bollinger.widthPercent { bandWidthMinimum.push(width) }
    atr.update(candle)
    volatility20.update(close)
    volatility100.update(close)
    obv.update(candle)
    vwap.update(candle)
    vwap20.update(candle)
    volume.update(candle.volume)
    priceVolume.update(candle)
    donchian20.update(candle)
    range50.update(candle)
    extremeMACD.update(candle, macdLine: macd.line)
    pivots.update(candle)
    closeHistory.append(time: candle.time, close: close)
    momentum1m.update(from: closeHistory)
    momentum5m.update(from: closeHistory)
    momentum15m.update(from: closeHistory)
    momentum1h.update(from: closeHistory)

    snapshot.time = candle.time
    snapshot.close = close
    snapshot.count += 1
    writeSnapshot()
  }

  /// Copies every indicator's outputs into `snapshot`.
  mutating func writeSnapshot() {
    snapshot.sma20 = sma20.value
    snapshot.sma50 = sma50.value
    snapshot.sma200 = sma200.value
    snapshot.ema9 = ema9.value
    snapshot.ema12 = ema12.value
    snapshot.ema21 = ema21.value
    snapshot.ema26 = ema26.value
    snapshot.ema50 = ema50.value

    snapshot.rsi14 = rsi.value
    snapshot.macd = macd.line
    snapshot.macdSignal = macd.signal
    snapshot.macdHist = macd.histogram
    snapshot.macdHistPrev2 = macd.histogramTwoBack
    snapshot.stochK = stochastic.k
    snapshot.stochD = stochastic.d
    snapshot.cci20 = cci.value
    snapshot.willR14 = williamsR.value
    snapshot.mfi14 = mfi.value
    snapshot.roc10 = roc.value

    snapshot.adx14 = directional.adx
    snapshot.plusDI14 = directional.plusDI
    snapshot.minusDI14 = directional.minusDI
    snapshot.trendSlope20Pct = trendSlope.slopePercent

    snapshot.bbUpper = bollinger.upper
    snapshot.bbMiddle = bollinger.middle
    snapshot.bbLower = bollinger.lower
    snapshot.bbWidthPct = bollinger.widthPercent
    snapshot.bbWidthMin120Pct = bandWidthMinimum.value
    snapshot.bbPercentB = bollinger.percentB
    snapshot.atr14 = atr.value
    snapshot.atrPct = atr.percentOfClose
    snapshot.stddev20 = bollinger.standardDeviation
    snapshot.volatility20Pct = volatility20.percent
    snapshot.volatility100Pct = volatility100.percent

    snapshot.obv = obv.value
    snapshot.obvSMA20 = obv.averageValue
    snapshot.vwap = vwap.value
    snapshot.vwap20 = vwap20.value
    snapshot.volumeSMA20 = volume.average
    snapshot.volumeZScore = volume.zScore
    snapshot.priceVolumeCorrelation20 = priceVolume.value

    snapshot.donchianUpper20 = donchian20.upper
    snapshot.donchianLower20 = donchian20.lower
    snapshot.high50 = range50.upper
    snapshot.low50 = range50.lower
    snapshot.macdAtLow20 = extremeMACD.macdAtLow
    snapshot.low20Age = extremeMACD.lowAge
    snapshot.macdAtHigh20 = extremeMACD.macdAtHigh
    snapshot.high20Age = extremeMACD.highAge
    snapshot.pivot = pivots.pivot
    snapshot.resistance1 = pivots.resistance1
    snapshot.support1 = pivots.support1
    snapshot.resistance2 = pivots.resistance2
    snapshot.support2 = pivots.support2

    snapshot.momentum1mPct = momentum1m.percent
    snapshot.momentum5mPct = momentum5m.percent
    snapshot.momentum15mPct = momentum15m.percent
    snapshot.momentum1hPct = momentum1h.percent
  }
}
