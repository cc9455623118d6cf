import Testing

@testable import AutoEngineCore

/// Invariants over every snapshot of the six real candle files in `shared/data/candles`.
@Suite("Indicators over the real candle files")
struct RealCandlePropertyTests {
  @Test("no NaN or ∞; bounded indicators within their ranges", arguments: IndicatorTestData.realCandleFiles)
  func invariants(_ file: String) throws {
    let candles = try IndicatorTestData.realCandles(file)
    #expect(candles.count > 5_000)
    var set = IndicatorSet()
    var presentCounts: [IndicatorColumn: Int] = [:]
    for candle in candles {
      let before = set.snapshot
      try set.update(candle)
      let s = set.snapshot
      #expect(set.previous == before)
      let at = "\(file) candle \(s.count)"
      for (column, value) in presentValues(s) {
        presentCounts[column, default: 0] += 1
        guard value.isFinite else {
          Issue.record("\(column.name) = \(value) at \(at)")
          continue
        }
      }
      let percentages: [IndicatorColumn] = [.rsi14, .mfi14, .stochK, .stochD, .adx14, .plusDI14, .minusDI14]
      for column in percentages {
        if let value = column.value(in: s) {
          #expect((0...100).contains(value), "\(column.name) \(value) outside 0–100 at \(at)")
        }
      }
      if let value = s.willR14 { #expect((-100...0).contains(value), "%R \(value) at \(at)") }
      if let value = s.priceVolumeCorrelation20 { #expect((-1...1).contains(value), "correlation \(value) at \(at)") }
      if let lower = s.bbLower, let middle = s.bbMiddle, let upper = s.bbUpper {
        #expect(lower <= middle && middle <= upper, "bands at \(at)")
      }
      if let lower = s.donchianLower20, let upper = s.donchianUpper20 { #expect(lower <= upper) }
      for value in [s.atr14, s.stddev20, s.volatility20Pct, s.volatility100Pct, s.bbWidthPct] {
        if let value { #expect(value >= 0, "negative spread at \(at)") }
      }
    }
    for column in IndicatorColumn.allCases where column != .momentum1mPct {
      #expect((presentCounts[column] ?? 0) > candles.count / 2, "\(column.name) rarely present in \(file)")
    }
    if file.hasSuffix("_1m.csv") {
      #expect((presentCounts[.momentum1mPct] ?? 0) > candles.count / 2)
    }
  }
}
