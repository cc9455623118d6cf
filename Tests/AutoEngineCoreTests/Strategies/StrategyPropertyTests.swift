import Testing

@testable import AutoEngineCore

/// Invariants of every strategy over many generated ticks, including degenerate values
/// (zero ATR, zero volume averages, flat candles, extreme indicator readings).
@Suite("Strategy invariants")
struct StrategyPropertyTests {
  /// A random tick: each indicator present with probability `presence`, values in plausible
  /// ranges with occasional degenerate ones.
  static func randomScenario(_ random: inout StrategyTestRandom, presence: Double) -> StrategyScenario {
    var s = StrategyScenario()
    func value(_ low: Double, _ high: Double) -> Double? {
      guard random.unit() < presence else { return nil }
      if random.unit() < 0.05 { return 0 }
      return low + (high - low) * random.unit()
    }
    let close = 50 + 100 * random.unit()
    let open = close * (0.97 + 0.06 * random.unit())
    let flat = random.unit() < 0.05
    let high = flat ? close : max(open, close) * (1 + 0.02 * random.unit())
    let low = flat ? close : min(open, close) * (1 - 0.02 * random.unit())
    s.bar(flat ? close : open, high, low, close, volume: 1000 * random.unit())
    if random.unit() < 0.1 {
      s.previousCandle = nil
    } else {
      s.previousBar(
        close * 0.99, close * 1.01, close * 0.98, close * (0.97 + 0.06 * random.unit()), volume: 1000 * random.unit())
    }
    for snapshot in [\StrategyScenario.now, \StrategyScenario.before] {
      var n = IndicatorSnapshot()
      n.close = close
      n.sma20 = value(50, 150); n.sma50 = value(50, 150); n.sma200 = value(50, 150)
      n.ema9 = value(50, 150); n.ema12 = value(50, 150); n.ema21 = value(50, 150); n.ema26 = value(50, 150)
      n.ema50 = value(50, 150)
      n.rsi14 = value(0, 100); n.macd = value(-3, 3); n.macdSignal = value(-3, 3); n.macdHist = value(-2, 2)
      n.stochK = value(0, 100); n.stochD = value(0, 100); n.cci20 = value(-300, 300); n.willR14 = value(-100, 0)
      n.mfi14 = value(0, 100); n.roc10 = value(-15, 15)
      n.adx14 = value(0, 80); n.plusDI14 = value(0, 60); n.minusDI14 = value(0, 60); n.trendSlope20Pct = value(-1, 1)
      n.bbUpper = value(100, 160); n.bbMiddle = value(80, 120); n.bbLower = value(40, 100); n.bbWidthPct = value(0, 20)
      n.bbPercentB = value(-0.5, 1.5); n.atr14 = value(0, 5); n.atrPct = value(0, 5); n.stddev20 = value(0, 5)
      n.volatility20Pct = value(0, 5); n.volatility100Pct = value(0, 5)
      n.obv = value(-1e5, 1e5); n.obvSMA20 = value(-1e5, 1e5); n.vwap = value(50, 150); n.volumeSMA20 = value(0, 1000)
      n.volumeZScore = value(-3, 8); n.priceVolumeCorrelation20 = value(-1, 1)
      n.donchianUpper20 = value(90, 160); n.donchianLower20 = value(40, 110); n.high50 = value(90, 170);
      n.low50 = value(30, 110)
      n.pivot = value(80, 120); n.resistance1 = value(90, 140); n.support1 = value(60, 110)
      n.resistance2 = value(100, 150); n.support2 = value(50, 100)
      n.momentum1mPct = value(-2, 2); n.momentum5mPct = value(-4, 4); n.momentum15mPct = value(-6, 6)
      n.momentum1hPct = value(-12, 12)
      n.vwap20 = value(50, 150); n.macdHistPrev2 = value(-2, 2); n.bbWidthMin120Pct = value(0, 15)
      n.macdAtLow20 = value(-3, 3); n.low20Age = value(1, 20).map { Int($0) }
      n.macdAtHigh20 = value(-3, 3); n.high20Age = value(1, 20).map { Int($0) }
      s[keyPath: snapshot] = n
    }
    s.cosmic = CosmicReadings(
      lunarPhaseAngleDeg: value(-30, 400), lunarIllumination: value(0, 1), kpIndex: value(0, 9),
      flareFlux: value(1e-8, 1e-3), hoursSinceFlare: value(-1, 72), schumannFrequencyHz: value(7, 9),
      schumannAmplitude: value(0, 10), schumannSimulated: random.unit() < 0.5, alignment: value(-1, 1))
    return s
  }

  @Test("signals are finite, bounded and consistent; reasons are readable", arguments: [0.3, 0.7, 1.0])
  func invariants(presence: Double) {
    var random = StrategyTestRandom(seed: UInt64(presence * 1000))
    var fired = Set<StrategyID>()
    for _ in 0..<1500 {
      let context = Self.randomScenario(&random, presence: presence).context
      for strategy in StrategyCatalogue.all {
        let signal = strategy.evaluate(context)
        #expect(signal.strategy == strategy.id)
        #expect(signal.strength >= 0 && signal.strength <= 1)
        #expect(signal.confidence >= 0 && signal.confidence <= 1)
        #expect(
          signal.evidence.primary.isFinite && signal.evidence.reference.isFinite && signal.evidence.secondary.isFinite,
          "\(strategy.id) evidence \(signal.evidence)")
        if signal.action == .hold { #expect(signal.strength == 0) }
        if signal.action != .hold {
          #expect(signal.strength > 0 && signal.confidence > 0)
          fired.insert(strategy.id)
        }
        if signal.isMissing { #expect(signal.action == .hold && signal.confidence == 0) }
        if strategy.category == .cosmic { #expect(signal.confidence <= CosmicStrategyLimits.maxConfidence) }
        let reason = strategy.reason(for: signal)
        #expect(!reason.isEmpty)
        let words = reason.split { " (),:;→×%°".contains($0) }
        #expect(!words.contains { ["nan", "inf", "-inf", "+inf"].contains($0) }, "\(strategy.id): \(reason)")
      }
    }
    if presence == 1.0 { #expect(fired.count >= 60, "only \(fired.count) strategies ever fired") }
  }
}
