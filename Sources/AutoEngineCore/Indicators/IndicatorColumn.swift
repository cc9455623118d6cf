/// One column of the indicator CSV: a snapshot field under its snake_case name.
///
/// The order of `allCases` is the column order: `time`, then the twenty columns the
/// `autoengine indicators` command promises (`sma_20` … `mfi_14`), then every other snapshot
/// field (the columns added later come last, so existing column positions never move). The raw
/// value is the header name; ages are whole numbers of candles.
public enum IndicatorColumn: String, CaseIterable, Sendable {
  case time
  case sma20 = "sma_20", ema12 = "ema_12", ema26 = "ema_26", rsi14 = "rsi_14"
  case macd, macdSignal = "macd_signal", macdHist = "macd_hist"
  case bbUpper = "bb_upper", bbMiddle = "bb_middle", bbLower = "bb_lower"
  case atr14 = "atr_14", stddev20 = "stddev_20", roc10 = "roc_10", obv
  case stochK = "stoch_k", stochD = "stoch_d", adx14 = "adx_14", cci20 = "cci_20"
  case willR14 = "willr_14", mfi14 = "mfi_14"
  case close
  case sma50 = "sma_50", sma200 = "sma_200"
  case ema9 = "ema_9", ema21 = "ema_21", ema50 = "ema_50"
  case plusDI14 = "plus_di_14", minusDI14 = "minus_di_14"
  case trendSlope20Pct = "trend_slope_20_pct"
  case bbWidthPct = "bb_width_pct", bbPercentB = "bb_percent_b", atrPct = "atr_pct"
  case volatility20Pct = "volatility_20_pct", volatility100Pct = "volatility_100_pct"
  case obvSMA20 = "obv_sma_20", vwap, volumeSMA20 = "volume_sma_20"
  case volumeZScore = "volume_z_score"
  case priceVolumeCorrelation20 = "price_volume_correlation_20"
  case donchianUpper20 = "donchian_upper_20", donchianLower20 = "donchian_lower_20"
  case high50 = "high_50", low50 = "low_50"
  case pivot, resistance1 = "resistance_1", support1 = "support_1"
  case resistance2 = "resistance_2", support2 = "support_2"
  case momentum1mPct = "momentum_1m_pct", momentum5mPct = "momentum_5m_pct"
  case momentum15mPct = "momentum_15m_pct", momentum1hPct = "momentum_1h_pct"
  case vwap20 = "vwap_20", macdHistPrev2 = "macd_hist_prev_2"
  case macdAtLow20 = "macd_at_low_20", low20Age = "low_20_age"
  case macdAtHigh20 = "macd_at_high_20", high20Age = "high_20_age"
  case bbWidthMin120Pct = "bb_width_min_120_pct"

  /// The header name, e.g. `sma_20`.
  public var name: String { rawValue }

  /// This column's value in `snapshot` (`time` in Unix seconds); nil when absent.
  public func value(in snapshot: IndicatorSnapshot) -> Double? {
    switch self {
    case .time: snapshot.time?.seconds
    case .sma20: snapshot.sma20
    case .ema12: snapshot.ema12
    case .ema26: snapshot.ema26
    case .rsi14: snapshot.rsi14
    case .macd: snapshot.macd
    case .macdSignal: snapshot.macdSignal
    case .macdHist: snapshot.macdHist
    case .bbUpper: snapshot.bbUpper
    case .bbMiddle: snapshot.bbMiddle
    case .bbLower: snapshot.bbLower
    case .atr14: snapshot.atr14
    case .stddev20: snapshot.stddev20
    case .roc10: snapshot.roc10
    case .obv: snapshot.obv
    case .stochK: snapshot.stochK
    case .stochD: snapshot.stochD
    case .adx14: snapshot.adx14
    case .cci20: snapshot.cci20
    case .willR14: snapshot.willR14
    case .mfi14: snapshot.mfi14
    case .close: snapshot.close
    case .sma50: snapshot.sma50
    case .sma200: snapshot.sma200
    case .ema9: snapshot.ema9
    case .ema21: snapshot.ema21
    case .ema50: snapshot.ema50
    case .plusDI14: snapshot.plusDI14
    case .minusDI14: snapshot.minusDI14
    case .trendSlope20Pct: snapshot.trendSlope20Pct
    case .bbWidthPct: snapshot.bbWidthPct
    case .bbPercentB: snapshot.bbPercentB
    case .atrPct: snapshot.atrPct
    case .volatility20Pct: snapshot.volatility20Pct
    case .volatility100Pct: snapshot.volatility100Pct
    case .obvSMA20: snapshot.obvSMA20
    case .vwap: snapshot.vwap
    case .volumeSMA20: snapshot.volumeSMA20
    case .volumeZScore: snapshot.volumeZScore
    case .priceVolumeCorrelation20: snapshot.priceVolumeCorrelation20
    case .donchianUpper20: snapshot.donchianUpper20
    case .donchianLower20: snapshot.donchianLower20
    case .high50: snapshot.high50
    case .low50: snapshot.low50
    case .pivot: snapshot.pivot
    case .resistance1: snapshot.resistance1
    case .support1: snapshot.support1
    case .resistance2: snapshot.resistance2
    case .support2: snapshot.support2
    case .momentum1mPct: snapshot.momentum1mPct
    case .momentum5mPct: snapshot.momentum5mPct
    case .momentum15mPct: snapshot.momentum15mPct
    case .momentum1hPct: snapshot.momentum1hPct
    case .vwap20: snapshot.vwap20
    case .macdHistPrev2: snapshot.macdHistPrev2
    case .macdAtLow20: snapshot.macdAtLow20
    case .low20Age: snapshot.low20Age.map(Double.init)
    case .macdAtHigh20: snapshot.macdAtHigh20
    case .high20Age: snapshot.high20Age.map(Double.init)
    case .bbWidthMin120Pct: snapshot.bbWidthMin120Pct
    }
  }
}
