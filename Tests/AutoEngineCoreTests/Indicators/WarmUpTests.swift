import Testing

@testable import AutoEngineCore

/// Each snapshot field is absent until its warm-up ends and present from then on.
@Suite("Warm-up lengths")
struct WarmUpTests {
  /// The 1-based candle from which each column is present, for 5-minute candles and pivot
  /// period 60; nil for columns that never appear on 5-minute candles.
  static let firstCandle: [IndicatorColumn: Int?] = [
    .time: 1, .close: 1, .obv: 1, .vwap: 1,
    .momentum5mPct: 2, .momentum15mPct: 4, .momentum1hPct: 13, .momentum1mPct: nil,
    .ema9: 9, .roc10: 11, .ema12: 12, .willR14: 14,
    .rsi14: 15, .mfi14: 15, .atr14: 15, .atrPct: 15, .plusDI14: 15, .minusDI14: 15,
    .stochK: 18, .stochD: 18,
    .sma20: 20, .cci20: 20, .trendSlope20Pct: 20, .bbUpper: 20, .bbMiddle: 20, .bbLower: 20,
    .bbWidthPct: 20, .bbPercentB: 20, .stddev20: 20, .obvSMA20: 20, .volumeSMA20: 20,
    .volumeZScore: 20,
    .ema21: 21, .volatility20Pct: 21, .priceVolumeCorrelation20: 21, .donchianUpper20: 21,
    .donchianLower20: 21,
    .ema26: 26, .macd: 26, .adx14: 28, .macdSignal: 34, .macdHist: 34,
    .sma50: 50, .ema50: 50, .high50: 51, .low50: 51, .pivot: 61, .resistance1: 61,
    .support1: 61, .resistance2: 61, .support2: 61, .volatility100Pct: 101, .sma200: 200,
    .vwap20: 20, .macdHistPrev2: 36, .macdAtLow20: 46, .low20Age: 46, .macdAtHigh20: 46,
    .high20Age: 46, .bbWidthMin120Pct: 139,
  ]

  @Test("the table covers every column")
  func tableIsComplete() {
    #expect(Set(Self.firstCandle.keys) == Set(IndicatorColumn.allCases))
  }

  @Test("each column appears at its documented candle and stays", arguments: IndicatorColumn.allCases)
  func warmUp(_ column: IndicatorColumn) throws {
    let candles = try IndicatorTestData.referenceCandles()
    let expected = try #require(Self.firstCandle[column])
    var set = IndicatorSet()
    for (offset, candle) in candles.enumerated() {
      try set.update(candle)
      let number = offset + 1
      let present = column.value(in: set.snapshot) != nil
      if let expected {
        #expect(present == (number >= expected), "\(column.name) at candle \(number)")
      } else {
        #expect(!present, "\(column.name) at candle \(number)")
      }
    }
  }
}
