import Testing

@testable import AutoEngineCore

/// Constant prices, zero ranges and zero volume: divisions by zero give nil, never NaN or ∞.
@Suite("Degenerate series")
struct DegenerateSeriesTests {
  /// Runs `candles` through a set, checking that every present value is finite at every step.
  static func run(_ candles: [Candle]) throws -> IndicatorSnapshot {
    var set = IndicatorSet()
    for candle in candles {
      try set.update(candle)
      for (column, value) in presentValues(set.snapshot) {
        #expect(value.isFinite, "\(column.name) = \(value) at candle \(set.snapshot.count)")
      }
    }
    return set.snapshot
  }

  @Test("a constant price: ratios of zero ranges are nil, spreads are exactly 0")
  func constantPrice() throws {
    let s = try Self.run(flatCandles(Array(repeating: 0.5, count: 300), spacing: 60))
    let undefined: [IndicatorColumn] = [
      .rsi14, .stochK, .stochD, .willR14, .cci20, .mfi14, .plusDI14, .minusDI14, .adx14,
      .bbPercentB, .priceVolumeCorrelation20, .volumeZScore,
    ]
    for column in undefined { #expect(column.value(in: s) == nil, "\(column.name)") }
    let zero: [IndicatorColumn] = [
      .stddev20, .bbWidthPct, .atr14, .atrPct, .volatility20Pct, .volatility100Pct, .roc10, .macd,
      .macdSignal, .macdHist, .trendSlope20Pct, .momentum1mPct, .momentum5mPct, .momentum15mPct,
      .momentum1hPct, .macdHistPrev2, .macdAtLow20, .macdAtHigh20, .bbWidthMin120Pct,
    ]
    for column in zero { #expect(column.value(in: s) == 0, "\(column.name)") }
    #expect(s.bbUpper == 0.5 && s.bbLower == 0.5 && s.sma200 == 0.5 && s.ema50 == 0.5 && s.vwap == 0.5)
    #expect(s.vwap20 == 0.5)
    // Every low and high ties: the most recent one, the candle before the latest, is the extreme.
    #expect(s.low20Age == 1 && s.high20Age == 1)
    #expect(s.pivot == 0.5 && s.resistance2 == 0.5 && s.donchianUpper20 == 0.5 && s.volumeSMA20 == 1)
  }

  @Test("a constant price after movement: the rolling sums settle to exactly zero spread")
  func constantAfterMovement() throws {
    var closes: [Double] = (0..<150).map { (index: Int) -> Double in
      let wave = 0.001 * Double(index % 13) + 0.0003 * Double(index % 7)
      return 0.1 + wave
    }
    closes += Array(repeating: 0.1234567, count: 150)
    let s = try Self.run(flatCandles(closes))
    #expect(s.stddev20 == 0 && s.bbPercentB == nil && s.bbWidthPct == 0)
    #expect(s.volatility20Pct == 0 && s.volatility100Pct == 0 && s.bbWidthMin120Pct == 0)
    #expect(agrees(s.vwap20, 0.1234567, relative: 1e-15))
    #expect(s.stochK == nil && s.willR14 == nil && s.cci20 == nil && s.mfi14 == nil)
    #expect(s.trendSlope20Pct.map { $0.magnitude < 1e-12 } == true)
    #expect(s.rsi14 != nil)  // Wilder averages decay but never reach zero
  }

  @Test("zero volume: VWAP, MFI and the volume z-score are nil; OBV and the volume SMA are 0")
  func zeroVolume() throws {
    let candles = (0..<100).map { index in
      let close = 10 + Double(index % 5)
      return makeCandle(index, high: close + 1, low: close - 1, close: close, volume: 0)
    }
    let s = try Self.run(candles)
    #expect(s.vwap == nil && s.mfi14 == nil && s.volumeZScore == nil && s.priceVolumeCorrelation20 == nil)
    #expect(s.vwap20 == nil)
    #expect(s.obv == 0 && s.volumeSMA20 == 0 && s.obvSMA20 == 0)
    #expect(s.rsi14 != nil && s.stochK != nil && s.adx14 != nil)
  }

  @Test("tiny prices (1e-8 scale) keep ratio indicators defined, unlike TA-Lib's 1e-8 cut-offs")
  func tinyPrices() throws {
    let candles = (0..<100).map { index in
      let close = 5e-8 + 1e-9 * Double(index % 9)
      return makeCandle(index, high: close + 1e-9, low: close - 1e-9, close: close, volume: 3)
    }
    let s = try Self.run(candles)
    #expect(
      s.rsi14 != nil && s.adx14 != nil && s.plusDI14 != nil && s.mfi14 != nil && s.stddev20.map { $0 > 0 } == true)
    #expect(s.vwap20 != nil && s.macdAtLow20 != nil && s.macdHistPrev2 != nil)
  }

  @Test("volume stops: the cumulative VWAP remembers, the 20-candle VWAP becomes absent after 20 candles")
  func volumeStops() throws {
    let candles = (0..<60).map { index in
      let close = 10 + Double(index % 4)
      return makeCandle(index, high: close + 1, low: close - 1, close: close, volume: index < 30 ? 5 : 0)
    }
    var set = IndicatorSet()
    for (index, candle) in candles.enumerated() {
      try set.update(candle)
      let s = set.snapshot
      #expect(s.vwap != nil)
      #expect((s.vwap20 != nil) == (19...48).contains(index), "VWAP(20) at candle index \(index)")
      for (column, value) in presentValues(s) { #expect(value.isFinite, "\(column.name)") }
    }
  }
}
