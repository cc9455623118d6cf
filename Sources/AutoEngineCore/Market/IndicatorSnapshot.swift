/// The value of every indicator of one coin after its latest candle.
///
/// A field is `nil` until its indicator has warmed up (never zero, NaN or infinity as a
/// placeholder). Prices and price-derived values are in the quote asset, volumes in the base
/// asset, percentages in percent (1.5 means 1.5 %). Definitions follow TA-Lib unless noted.
/// Strategies read two snapshots — the current one and the one before the latest candle — so a
/// crossover is a sign change between them.
public struct IndicatorSnapshot: Hashable, Sendable {
  /// Time of the candle these values include.
  public var time: UnixTime?
  /// Close of the latest candle.
  public var close: Double?
  /// Candles seen so far.
  public var count: Int = 0

  // MARK: Moving averages
  /// SMA of the close over 20, 50 and 200 candles.
  public var sma20: Double?, sma50: Double?, sma200: Double?
  /// EMA of the close over 9, 12, 21, 26 and 50 candles, seeded with the SMA of the first N closes.
  public var ema9: Double?, ema12: Double?, ema21: Double?, ema26: Double?, ema50: Double?

  // MARK: Oscillators
  /// RSI(14) with Wilder smoothing, 0–100.
  public var rsi14: Double?
  /// MACD(12, 26, 9): line, signal and histogram (TA-Lib alignment: the line exists from candle 26,
  /// signal and histogram from candle 34).
  public var macd: Double?, macdSignal: Double?, macdHist: Double?
  /// The MACD histogram two candles before the latest (the one before the latest is
  /// `previous.macdHist`), so a turn `h[−2] > h[−1] < h[0]` is visible; from candle 36.
  public var macdHistPrev2: Double?
  /// Stochastic(14, 3, 3) slow %K and %D, 0–100.
  public var stochK: Double?, stochD: Double?
  /// CCI(20).
  public var cci20: Double?
  /// Williams %R(14), −100–0.
  public var willR14: Double?
  /// MFI(14), 0–100.
  public var mfi14: Double?
  /// Rate of change over 10 candles, percent: `(close / close[-10] − 1) × 100`.
  public var roc10: Double?

  // MARK: Trend strength
  /// ADX(14), +DI(14) and −DI(14), Wilder smoothing, 0–100.
  public var adx14: Double?, plusDI14: Double?, minusDI14: Double?
  /// Slope of the least-squares line through the last 20 closes, percent of the latest close per candle.
  public var trendSlope20Pct: Double?

  // MARK: Volatility
  /// Bollinger(20, 2) with population standard deviation: upper, middle (SMA 20), lower.
  public var bbUpper: Double?, bbMiddle: Double?, bbLower: Double?
  /// Bollinger band width `(upper − lower) / middle × 100`, percent.
  public var bbWidthPct: Double?
  /// The smallest `bbWidthPct` of the last 120 candles (the latest included), percent; from
  /// candle 139 (120 band widths). A width at this minimum is the narrowest in 120 candles.
  public var bbWidthMin120Pct: Double?
  /// Bollinger %B `(close − lower) / (upper − lower)`; nil when the bands have zero width.
  public var bbPercentB: Double?
  /// ATR(14), Wilder smoothing, and ATR as a percent of the close.
  public var atr14: Double?, atrPct: Double?
  /// Population standard deviation of the close over 20 candles.
  public var stddev20: Double?
  /// Realised volatility: population standard deviation of log returns over 20 candles, percent.
  public var volatility20Pct: Double?
  /// Realised volatility over 100 candles, percent (the baseline that `volatility20Pct` is compared to).
  public var volatility100Pct: Double?

  // MARK: Volume
  /// On-balance volume (TA-Lib: starts at the first candle's volume) and its SMA over 20 candles.
  public var obv: Double?, obvSMA20: Double?
  /// Volume-weighted average price over all candles seen (cumulative typical price × volume).
  public var vwap: Double?
  /// Volume-weighted average price over the last 20 candles (the latest included):
  /// Σ(typical price × volume) / Σ volume; from candle 20, nil while those 20 candles have no volume.
  public var vwap20: Double?
  /// SMA of volume over 20 candles.
  public var volumeSMA20: Double?
  /// Z-score of the latest volume against the 20-candle volume mean and population deviation;
  /// nil when the deviation is zero.
  public var volumeZScore: Double?
  /// Pearson correlation, over 20 candles, of close-to-close returns with volume, −1–1; nil when
  /// either series is constant.
  public var priceVolumeCorrelation20: Double?

  // MARK: Channels and levels
  /// Donchian channel over the 20 candles before the latest one (so a close above `donchianUpper20`
  /// is a breakout): highest high, lowest low.
  public var donchianUpper20: Double?, donchianLower20: Double?
  /// Highest high and lowest low over the 50 candles before the latest one.
  public var high50: Double?, low50: Double?
  /// The MACD line at the candle holding `donchianLower20` (the lowest low of the 20 candles before
  /// the latest; the most recent one when several tie) and how many candles before the latest that
  /// candle is, 1–20; the same for `donchianUpper20`. The inputs of a MACD divergence; from
  /// candle 46 (20 candles with a MACD line before the latest).
  public var macdAtLow20: Double?, low20Age: Int?, macdAtHigh20: Double?, high20Age: Int?
  /// Classic pivot levels from the previous completed block of `pivotPeriod` candles:
  /// P = (H + L + C) / 3, R1 = 2P − L, S1 = 2P − H, R2 = P + (H − L), S2 = P − (H − L).
  public var pivot: Double?, resistance1: Double?, support1: Double?, resistance2: Double?, support2: Double?

  // MARK: Momentum per timeframe
  /// Price change over the last 1 minute, 5 minutes, 15 minutes and 1 hour of wall time, percent,
  /// from the timestamped close history; nil until the history reaches back that far (or when the
  /// candle interval is longer than the window).
  public var momentum1mPct: Double?, momentum5mPct: Double?, momentum15mPct: Double?, momentum1hPct: Double?

  /// An empty snapshot: every indicator absent.
  public init() {}
}
