import Testing

@testable import AutoEngineCore

@Suite("Technical strategies P36–P50")
struct TechnicalStrategyTests {
  static let cases: [StrategyCase] = [
    StrategyCase(
      36,
      fires: [
        StrategyFiring(.buy, reasonHas: "RSI 25.0 < 30") { s in s.now.rsi14 = 25 },
        StrategyFiring(.sell, reasonHas: "RSI 78.0 > 70") { s in s.now.rsi14 = 78 },
      ],
      quiet: { s in s.now.rsi14 = 50 }, missing: { s in s.now.rsi14 = nil }, missingHas: "RSI(14) warming up"),
    StrategyCase(
      37,
      fires: [
        StrategyFiring(.buy, reasonHas: "47.0 → 53.0") { s in
          s.before.rsi14 = 47; s.now.rsi14 = 53
        },
        StrategyFiring(.sell, reasonHas: "53.0 → 47.0") { s in
          s.before.rsi14 = 53; s.now.rsi14 = 47
        },
      ],
      quiet: { s in
        s.before.rsi14 = 55; s.now.rsi14 = 58
      }, missing: { s in s.before.rsi14 = nil }, missingHas: "RSI(14)"),
    StrategyCase(
      38,
      fires: [
        StrategyFiring(.buy, reasonHas: "+0.3000") { s in
          s.now.macdHist = 0.3; s.before.macdHist = -0.1; s.now.atr14 = 2
        },
        StrategyFiring(.sell, reasonHas: "-0.3000") { s in
          s.now.macdHist = -0.3; s.before.macdHist = 0.1; s.now.atr14 = 2
        },
      ],
      quiet: { s in s.before.macdHist = 0.2 }, missing: { s in s.now.macdHist = nil }, missingHas: "MACD"),
    StrategyCase(
      39,
      fires: [
        StrategyFiring(.buy, reasonHas: "trough below zero: -0.60 → -0.70 → -0.50") { s in
          s.now.macdHist = -0.5; s.before.macdHist = -0.7; s.now.macdHistPrev2 = -0.6; s.now.atr14 = 2
        },
        StrategyFiring(.sell, reasonHas: "peak above zero: +0.60 → +0.70 → +0.50") { s in
          s.now.macdHist = 0.5; s.before.macdHist = 0.7; s.now.macdHistPrev2 = 0.6; s.now.atr14 = 2
        },
      ],
      // Rising for two candles: no trough, although the histogram is below zero and rising.
      quiet: { s in s.now.macdHistPrev2 = -0.8 }, missing: { s in s.now.macdHistPrev2 = nil },
      missingHas: "two candles back"),
    StrategyCase(
      40,
      fires: [
        StrategyFiring(.buy, reasonHas: "MACD +0.2000") { s in
          s.now.macd = 0.2; s.before.macd = -0.1; s.now.macdSignal = 0.1; s.now.atr14 = 2
        },
        StrategyFiring(.sell, reasonHas: "crossed below zero") { s in
          s.now.macd = -0.2; s.before.macd = 0.1; s.now.macdSignal = -0.1; s.now.atr14 = 2
        },
      ],
      quiet: { s in s.now.macdSignal = 0.3 }, missing: { s in s.now.macdSignal = nil }, missingHas: "signal line"),
    StrategyCase(
      41,
      fires: [
        StrategyFiring(.buy, reasonHas: "low 96.00 while MACD -0.50 is above its -0.80") { s in
          TechnicalStrategyTests.divergenceInputs(&s); s.now.macd = -0.5; s.bar(96.5, 97, 95.5, 95.8)
        },
        StrategyFiring(.sell, reasonHas: "high 104.00 while MACD +0.50 is below its +0.80") { s in
          TechnicalStrategyTests.divergenceInputs(&s); s.now.macd = 0.5; s.bar(103.5, 104.5, 103, 104.2)
        },
      ],
      // The prior low is only two candles old: the same slide, not a second low.
      quiet: { s in s.now.low20Age = 2 }, missing: { s in s.now.macdAtLow20 = nil },
      missingHas: "prior 20-candle low"),
    StrategyCase(
      42,
      fires: [
        StrategyFiring(.buy, reasonHas: "EMA 9 100.30") { s in
          s.now.ema9 = 100.3; s.now.ema21 = 100; s.before.ema9 = 99.9; s.before.ema21 = 100
        },
        StrategyFiring(.sell, reasonHas: "crossed below EMA 21") { s in
          s.now.ema9 = 99.7; s.now.ema21 = 100; s.before.ema9 = 100.1; s.before.ema21 = 100
        },
      ],
      quiet: { s in s.before.ema9 = 100.1 }, missing: { s in s.now.ema21 = nil }, missingHas: "EMA(21)"),
    StrategyCase(
      43,
      fires: [
        StrategyFiring(.buy, reasonHas: "EMA 12 100.30") { s in
          s.now.ema12 = 100.3; s.now.ema26 = 100; s.before.ema12 = 99.9; s.before.ema26 = 100
        },
        StrategyFiring(.sell, reasonHas: "crossed below EMA 26") { s in
          s.now.ema12 = 99.7; s.now.ema26 = 100; s.before.ema12 = 100.1; s.before.ema26 = 100
        },
      ],
      quiet: { s in s.before.ema12 = 100.1 }, missing: { s in s.now.ema26 = nil }, missingHas: "EMA(26)"),
    StrategyCase(
      44,
      fires: [
        StrategyFiring(.buy, reasonHas: "golden cross") { s in
          s.now.sma50 = 100.5; s.now.sma200 = 100; s.before.sma50 = 99.9; s.before.sma200 = 100
        },
        StrategyFiring(.sell, reasonHas: "death cross") { s in
          s.now.sma50 = 99.5; s.now.sma200 = 100; s.before.sma50 = 100.1; s.before.sma200 = 100
        },
      ],
      quiet: { s in s.before.sma50 = 100.2 }, missing: { s in s.now.sma200 = nil }, missingHas: "SMA(200)"),
    StrategyCase(
      45,
      fires: [
        StrategyFiring(.buy, reasonHas: "%K 18.0") { s in
          s.now.stochK = 18; s.now.stochD = 15; s.before.stochK = 12; s.before.stochD = 14
        },
        StrategyFiring(.sell, reasonHas: "%K 82.0") { s in
          s.now.stochK = 82; s.now.stochD = 85; s.before.stochK = 88; s.before.stochD = 86
        },
      ],
      quiet: { s in
        s.now.stochK = 45; s.now.stochD = 40; s.before.stochK = 35; s.before.stochD = 38
      },
      missing: { s in s.now.stochD = nil }, missingHas: "stochastic"),
    StrategyCase(
      46,
      fires: [
        StrategyFiring(.buy, reasonHas: "-130.0 → -80.0") { s in
          s.before.cci20 = -130; s.now.cci20 = -80
        },
        StrategyFiring(.sell, reasonHas: "130.0 → 80.0") { s in
          s.before.cci20 = 130; s.now.cci20 = 80
        },
      ],
      quiet: { s in
        s.before.cci20 = -150; s.now.cci20 = -120
      }, missing: { s in s.now.cci20 = nil }, missingHas: "CCI(20)"),
    StrategyCase(
      47,
      fires: [
        StrategyFiring(.buy, reasonHas: "%R -90.0") { s in s.now.willR14 = -90 },
        StrategyFiring(.sell, reasonHas: "%R -10.0") { s in s.now.willR14 = -10 },
      ],
      quiet: { s in s.now.willR14 = -50 }, missing: { s in s.now.willR14 = nil }, missingHas: "Williams %R(14)"),
    StrategyCase(
      48,
      fires: [
        StrategyFiring(.buy, reasonHas: "ADX 35.0") { s in
          s.now.adx14 = 35; s.now.plusDI14 = 30; s.now.minusDI14 = 15
        },
        StrategyFiring(.sell, reasonHas: "strong downtrend") { s in
          s.now.adx14 = 35; s.now.plusDI14 = 15; s.now.minusDI14 = 30
        },
      ],
      quiet: { s in s.now.adx14 = 18 }, missing: { s in s.now.adx14 = nil }, missingHas: "ADX(14)"),
    StrategyCase(
      49,
      fires: [
        StrategyFiring(.buy, reasonHas: "+DI 25.0 crossed above") { s in
          s.now.plusDI14 = 25; s.now.minusDI14 = 20; s.before.plusDI14 = 18; s.before.minusDI14 = 22; s.now.adx14 = 25
        },
        StrategyFiring(.sell, reasonHas: "crossed below -DI 25.0") { s in
          s.now.plusDI14 = 20; s.now.minusDI14 = 25; s.before.plusDI14 = 22; s.before.minusDI14 = 18; s.now.adx14 = 25
        },
      ],
      quiet: { s in s.now.adx14 = 15 }, missing: { s in s.before.plusDI14 = nil }, missingHas: "DI(14)"),
    StrategyCase(
      50,
      fires: [
        StrategyFiring(.buy, reasonHas: "SMA 20 100.50") { s in
          s.now.sma20 = 100.5; s.now.sma50 = 100; s.before.sma20 = 99.9; s.before.sma50 = 100
        },
        StrategyFiring(.sell, reasonHas: "crossed below SMA 50") { s in
          s.now.sma20 = 99.5; s.now.sma50 = 100; s.before.sma20 = 100.1; s.before.sma50 = 100
        },
      ],
      quiet: { s in s.before.sma20 = 100.2 }, missing: { s in s.now.sma50 = nil }, missingHas: "SMA(50)"),
  ]

  /// A 20-candle range 96–104 whose low was set 8 candles ago at MACD −0.8 and whose high was set
  /// 6 candles ago at MACD +0.8, ATR 2.
  static func divergenceInputs(_ s: inout StrategyScenario) {
    s.now.donchianLower20 = 96; s.now.donchianUpper20 = 104; s.now.atr14 = 2
    s.now.macdAtLow20 = -0.8; s.now.low20Age = 8; s.now.macdAtHigh20 = 0.8; s.now.high20Age = 6
  }

  @Test("each technical strategy fires, stays quiet and reports missing inputs", arguments: cases)
  func strategy(_ testCase: StrategyCase) { verifyStrategyCase(testCase) }
}
