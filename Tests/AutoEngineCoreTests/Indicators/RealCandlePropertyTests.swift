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
    var histories = SnapshotHistory()
    for candle in candles {
      let before = set.snapshot
      try set.update(candle)
      let s = set.snapshot
      #expect(set.previous == before)
      histories.check(s, candle: candle, previous: before, file: file)
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

/// The history the derived fields summarise, kept in full so the test can check them directly:
/// the 20-candle VWAP within the candles' range, the histogram two candles back, the MACD at the
/// prior 20-candle extremes, and the 120-candle band-width minimum.
struct SnapshotHistory {
  var candles: [Candle] = []
  var macdLines: [Double?] = []
  var histograms: [Double?] = []

  mutating func check(_ s: IndicatorSnapshot, candle: Candle, previous: IndicatorSnapshot, file: String) {
    let at = "\(file) candle \(s.count)"
    candles.append(candle)
    macdLines.append(s.macd)
    histograms.append(s.macdHist)
    let latest = candles.count - 1
    if let vwap20 = s.vwap20 {
      let window = candles.suffix(20)
      let lowest = window.map(\.low).min() ?? 0
      let highest = window.map(\.high).max() ?? 0
      #expect(vwap20 >= lowest * (1 - 1e-12) && vwap20 <= highest * (1 + 1e-12), "VWAP(20) \(vwap20) at \(at)")
    }
    #expect(s.macdHistPrev2 == (latest >= 2 ? histograms[latest - 2] : nil), "histogram two back at \(at)")
    if let minimum = s.bbWidthMin120Pct, let width = s.bbWidthPct {
      #expect(minimum >= 0 && minimum <= width, "band-width minimum \(minimum) > width \(width) at \(at)")
      #expect(previous.bbWidthMin120Pct.map { minimum >= $0 || minimum == width } ?? true, "minimum at \(at)")
    }
    checkExtreme(s.macdAtLow20, age: s.low20Age, level: s.donchianLower20, price: \.low, at: at)
    checkExtreme(s.macdAtHigh20, age: s.high20Age, level: s.donchianUpper20, price: \.high, at: at)
  }

  /// The candle `age` before the latest holds `level` (the most recent such candle) and `macd`.
  func checkExtreme(_ macd: Double?, age: Int?, level: Double?, price: KeyPath<Candle, Double>, at: String) {
    guard let macd, let age, let level else {
      #expect(macd == nil && age == nil, "partial divergence inputs at \(at)")
      return
    }
    let latest = candles.count - 1
    #expect((1...20).contains(age), "age \(age) at \(at)")
    guard (1...20).contains(age) else { return }
    #expect(candles[latest - age][keyPath: price] == level, "extreme candle at \(at)")
    #expect(macdLines[latest - age] == macd, "MACD at the extreme at \(at)")
    for later in (latest - age + 1)..<latest {
      #expect(candles[later][keyPath: price] != level, "a later tie at \(at)")
    }
  }
}
