import Testing

@testable import AutoEngineCore

/// The inputs that summarise recent history: the rolling VWAP, the tagged rolling extreme, the
/// MACD at the prior extremes and the MACD histogram two candles back.
@Suite("History inputs")
struct HistoryInputTests {
  @Test("VWAP(3) weighs the last three typical prices by volume and forgets older candles")
  func rollingVWAPByHand() {
    var vwap = RollingVolumeWeightedAveragePrice(period: 3)
    var outputs: [Double?] = []
    // Typical prices 10, 20, 30, 40 (flat candles) with volumes 1, 1, 2, 0.
    for (index, (price, volume)) in [(10.0, 1.0), (20, 1), (30, 2), (40, 0)].enumerated() {
      vwap.update(makeCandle(index, high: price, low: price, close: price, volume: volume))
      outputs.append(vwap.value)
    }
    // (10 + 20 + 60) / 4 = 22.5; then (20 + 60 + 0) / 3 = 80 / 3.
    #expect(outputs == [nil, nil, 22.5, 80.0 / 3])
    for index in 4..<6 { vwap.update(makeCandle(index, high: 50, low: 50, close: 50, volume: 0)) }
    #expect(vwap.value == nil)  // three candles without volume
  }

  @Test("the rolling VWAP equals a fresh quotient after 200,000 candles with volume swings")
  func rollingVWAPNoDrift() {
    var random = SplitMix64(state: 11)
    var vwap = RollingVolumeWeightedAveragePrice(period: 20)
    var recent: [Candle] = []
    for index in 0..<200_000 {
      let price = 0.05 + Double.random(in: 0...0.01, using: &random)
      let scale = index % 1_009 == 0 ? 1e9 : (index % 7 == 0 ? 0 : 1)
      let candle = makeCandle(
        index, high: price * 1.001, low: price * 0.999, close: price,
        volume: scale * Double.random(in: 0...100, using: &random))
      vwap.update(candle)
      recent.append(candle)
      if recent.count > 20 { recent.removeFirst() }
      guard index >= 19, index % 997 == 0 || index == 199_999 else { continue }
      let weighted = recent.map { $0.typicalPrice * $0.volume }.reduce(0, +)
      let volume = recent.map(\.volume).reduce(0, +)
      #expect(agrees(vwap.value, weighted / volume, relative: 1e-12), "at \(index)")
    }
  }

  @Test("a tagged extreme reports the most recent extreme's tag and age", arguments: [1, 3, 20])
  func taggedExtreme(period: Int) {
    var random = SplitMix64(state: UInt64(period) + 100)
    var minimum = TaggedRollingExtreme(period: period, kind: .minimum)
    var maximum = TaggedRollingExtreme(period: period, kind: .maximum)
    var values: [Double] = []
    for step in 0..<3_000 {
      // Few distinct values, so ties are common; the tag is the push number.
      let value = Double(Int.random(in: 0..<6, using: &random))
      values.append(value)
      minimum.push(value, tag: Double(step))
      maximum.push(value, tag: Double(step))
      guard values.count >= period else {
        #expect(minimum.value == nil && minimum.tag == nil && minimum.age == nil)
        continue
      }
      let window = values.indices.suffix(period)
      let lowest = window.map { values[$0] }.min()
      let lowAt = window.last { values[$0] == lowest }
      let highest = window.map { values[$0] }.max()
      let highAt = window.last { values[$0] == highest }
      #expect(minimum.value == lowest && minimum.tag == lowAt.map(Double.init))
      #expect(maximum.value == highest && maximum.tag == highAt.map(Double.init))
      #expect(minimum.age == lowAt.map { values.count - $0 } && maximum.age == highAt.map { values.count - $0 })
    }
  }

  @Test("MACD at the prior extremes covers the candles before the latest, from the first MACD line")
  func priorExtremeMACD() {
    var prior = PriorExtremeMACD(period: 3)
    // (low, high, MACD line): the first candle has no line yet and is skipped.
    let rows: [(Double, Double, Double?)] = [
      (1, 20, nil), (5, 9, 0.1), (4, 8, 0.2), (6, 10, 0.3), (3, 7, 0.4), (7, 11, 0.5),
    ]
    var outputs: [[Double?]] = []
    for (index, (low, high, line)) in rows.enumerated() {
      prior.update(makeCandle(index, high: high, low: low, close: low), macdLine: line)
      outputs.append([prior.macdAtLow, prior.lowAge.map(Double.init), prior.macdAtHigh, prior.highAge.map(Double.init)])
    }
    #expect(outputs[0...3].allSatisfy { $0 == [nil, nil, nil, nil] })
    // Before candle 4 (0-based): candles 1–3 (lows 5, 4, 6; highs 9, 8, 10): low 4 two back, high 10 one back.
    #expect(outputs[4] == [0.2, 2, 0.3, 1])
    // Before candle 5: candles 2–4 (lows 4, 6, 3; highs 8, 10, 7): low 3 one back, high 10 two back.
    #expect(outputs[5] == [0.4, 1, 0.3, 2])
  }

  @Test("the MACD keeps the two histograms before the latest")
  func histogramHistory() throws {
    var macd = MACD(fastPeriod: 2, slowPeriod: 3, signalPeriod: 2)
    var histograms: [Double?] = []
    for close in [1.0, 2, 4, 3, 5, 8, 6, 7] {
      macd.update(close)
      #expect(macd.histogramOneBack == histograms.last ?? nil)
      #expect(macd.histogramTwoBack == (histograms.count >= 2 ? histograms[histograms.count - 2] : nil))
      histograms.append(macd.histogram)
    }
    #expect(histograms.prefix(3).allSatisfy { $0 == nil } && histograms[3] != nil)
  }
}
