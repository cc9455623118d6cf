import Testing

@testable import AutoEngineCore

/// P31, P39, P41 and P62 fed by a real ``IndicatorSet`` on crafted price paths: the history
/// inputs (20-candle VWAP, histogram two back, MACD at the prior extremes, band-width minimum)
/// make them fire where the pattern is, and not where it is not.
@Suite("Strategies that read indicator history")
struct HistoryStrategyTests {
  /// The signal of strategy `number` after each candle of `closes` (high/low ± `range`, volume 1).
  static func signals(_ number: Int, closes: [Double], range: Double = 0.1) throws -> [Signal] {
    let strategy = StrategyCatalogue.strategy(StrategyID(number))
    var set = IndicatorSet()
    var previousCandle: Candle?
    var signals: [Signal] = []
    for (index, close) in closes.enumerated() {
      let candle = makeCandle(index, high: close + range, low: close - range, close: close)
      try set.update(candle)
      let context = StrategyContext(
        snapshot: set.snapshot, previous: set.previous, candle: candle, previousCandle: previousCandle)
      signals.append(strategy.evaluate(context))
      previousCandle = candle
    }
    return signals
  }

  /// Indices of the signals that are not HOLD.
  static func fired(_ signals: [Signal]) -> [Int] {
    signals.indices.filter { signals[$0].action != .hold }
  }

  /// 150 closes alternating 100 / 100.2: constant band width, so every width is the minimum.
  static let calm: [Double] = (0..<150).map { $0 % 2 == 0 ? 100 : 100.2 }

  @Test("P62 fires on a breakout from bands at their 120-candle narrowest, not from wide bands")
  func squeezeBreakout() throws {
    let up = try Self.signals(62, closes: Self.calm + [101])
    #expect(Self.fired(up) == [150] && up[150].action == .buy)
    let down = try Self.signals(62, closes: Self.calm + [99.2])
    #expect(Self.fired(down) == [150] && down[150].action == .sell)
    // The first swing breaks down from the squeeze; 40 swinging candles later the bands are about
    // twenty times their minimum, so a breakout to 106 is no squeeze breakout.
    let swings: [Double] = (0..<40).map { $0 % 2 == 0 ? 98 : 102 }
    let wide = try Self.signals(62, closes: Self.calm + swings + [106])
    #expect(Self.fired(wide) == [150] && wide[150].action == .sell)
  }

  @Test("P41 fires when a slower second slide breaks the first slide's low, not during the first slide")
  func divergence() throws {
    let base: [Double] = (0..<60).map { $0 % 2 == 0 ? 100 : 100.1 }
    let slide = (1...10).map { 100 - Double($0) }  // fast fall to 90
    let bounce = (1...5).map { 90 + 0.6 * Double($0) }  // to 93
    let drift = (1...8).map { 93 - 0.55 * Double($0) }  // slower fall, below 90 at the 6th
    let signals = try Self.signals(41, closes: base + slide + bounce + drift)
    let breakIndex = base.count + slide.count + bounce.count + 5  // close 89.7 < prior low 89.9, 11 candles old
    #expect(Self.fired(signals).first == breakIndex)
    #expect(signals[breakIndex].action == .buy)
    #expect(signals[breakIndex].evidence.primary > signals[breakIndex].evidence.reference)
    // During the first slide every candle makes a new low, but the prior low is the candle before.
    #expect(Self.fired(Array(signals[60..<70])).isEmpty)
  }

  @Test("P39 fires at histogram troughs below zero, each a true h[-2] > h[-1] < h[0]")
  func histogramTurn() throws {
    let base: [Double] = (0..<50).map { $0 % 2 == 0 ? 100 : 100.1 }
    let slide = (1...12).map { 100 - 0.8 * Double($0) }
    let flat = Array(repeating: 90.4, count: 15)
    let closes = base + slide + flat
    let signals = try Self.signals(39, closes: closes)
    let buys = Self.fired(signals)
    #expect(!buys.isEmpty && buys.allSatisfy { signals[$0].action == .buy })
    for index in buys {
      let e = signals[index].evidence
      #expect(e.secondary > e.reference && e.reference < e.primary && e.reference < 0, "at \(index): \(e)")
      #expect(index >= 50 + 12, "a trough must follow the slide, found at \(index)")
    }
  }

  @Test("P31 reads the 20-candle VWAP: a noisy rally does not make every down candle a SELL")
  func rollingVWAP() throws {
    // Up 0.5 %, down 0.3 %, 200 times: +22 % overall, so the cumulative VWAP ends > 5 % below the
    // close, but the 20-candle VWAP stays within about 1 %. Then a 4 % spike and a turn down.
    var closes = [100.0]
    for index in 1..<200 { closes.append(closes[index - 1] * (index % 2 == 1 ? 1.005 : 0.997)) }
    closes += [closes[199] * 1.04, closes[199] * 1.035]
    var set = IndicatorSet()
    for (index, close) in closes.prefix(200).enumerated() {
      try set.update(makeCandle(index, high: close + 0.05, low: close - 0.05, close: close))
    }
    let cumulative = try #require(set.snapshot.vwap)
    #expect(closes[199] / cumulative > 1.05)
    let signals = try Self.signals(31, closes: closes, range: 0.05)
    #expect(Self.fired(signals) == [201] && signals[201].action == .sell)
  }
}
