import Testing

@testable import AutoEngineCore

@Suite("Volatility strategies P61–P65")
struct VolatilityStrategyTests {
  static let cases: [StrategyCase] = [
    StrategyCase(
      61,
      fires: [
        StrategyFiring(.buy, reasonHas: "upper band 104.00") { s in
          s.now.bbUpper = 104; s.now.bbLower = 96; s.now.bbWidthPct = 8; s.before.bbWidthPct = 7; s.close(105)
        },
        StrategyFiring(.sell, reasonHas: "lower band 96.00") { s in
          s.now.bbUpper = 104; s.now.bbLower = 96; s.now.bbWidthPct = 8; s.before.bbWidthPct = 7; s.close(95)
        },
      ],
      quiet: { s in s.before.bbWidthPct = 9 }, missing: { s in s.before.bbWidthPct = nil }, missingHas: "band width"),
    StrategyCase(
      62,
      fires: [
        StrategyFiring(.buy, reasonHas: "upper band 102.00, band width 4.200 % vs 120-candle minimum 4.000 %") { s in
          s.before.bbWidthPct = 4.2; s.before.bbWidthMin120Pct = 4; s.before.bbUpper = 102; s.before.bbLower = 98
          s.close(103)
        },
        StrategyFiring(.sell, reasonHas: "below the lower band 98.00") { s in
          s.before.bbWidthPct = 4; s.before.bbWidthMin120Pct = 4; s.before.bbUpper = 102; s.before.bbLower = 98
          s.close(97)
        },
      ],
      // Band width 1.25× its minimum: no squeeze, so the same close is no breakout signal.
      quiet: { s in s.before.bbWidthPct = 5 }, missing: { s in s.before.bbWidthMin120Pct = nil },
      missingHas: "120-candle minimum"),
    StrategyCase(
      63,
      fires: [
        StrategyFiring(.buy, reasonHas: "3.10× ATR") { s in
          s.before.atr14 = 1; s.previousClose(100); s.bar(100, 103, 99.9, 102.8)
        },
        StrategyFiring(.sell, reasonHas: "expansion down") { s in
          s.before.atr14 = 1; s.previousClose(100); s.bar(100, 100.1, 97, 97.2)
        },
      ],
      quiet: { s in s.bar(100, 100.8, 99.5, 100.5) }, missing: { s in s.before.atr14 = nil }, missingHas: "ATR(14)"),
    StrategyCase(
      64,
      fires: [
        StrategyFiring(.buy, reasonHas: "ratio 2.00") { s in
          s.now.volatility20Pct = 3; s.now.volatility100Pct = 1.5; s.now.trendSlope20Pct = 0.2
        },
        StrategyFiring(.sell, reasonHas: "slope -0.200") { s in
          s.now.volatility20Pct = 3; s.now.volatility100Pct = 1.5; s.now.trendSlope20Pct = -0.2
        },
      ],
      quiet: { s in s.now.volatility20Pct = 1.5 }, missing: { s in s.now.volatility100Pct = nil },
      missingHas: "volatility(100)"),
    StrategyCase(
      65,
      fires: [
        StrategyFiring(.buy, reasonHas: "%B 0.02") { s in
          s.now.bbPercentB = 0.02; s.now.bbWidthPct = 4; s.before.bbWidthPct = 4.2
        },
        StrategyFiring(.sell, reasonHas: "%B 0.98") { s in
          s.now.bbPercentB = 0.98; s.now.bbWidthPct = 4; s.before.bbWidthPct = 4.2
        },
      ],
      quiet: { s in s.before.bbWidthPct = 3.8 }, missing: { s in s.now.bbPercentB = nil }, missingHas: "%B"),
  ]

  @Test("each volatility strategy fires, stays quiet and reports missing inputs", arguments: cases)
  func strategy(_ testCase: StrategyCase) { verifyStrategyCase(testCase) }
}
