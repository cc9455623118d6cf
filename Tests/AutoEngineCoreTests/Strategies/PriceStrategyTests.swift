import Testing

@testable import AutoEngineCore

@Suite("Price strategies P1–P20")
struct PriceStrategyTests {
  static let cases: [StrategyCase] = [
    StrategyCase(
      1,
      fires: [
        StrategyFiring(.buy, reasonHas: "104.00") { s in
          s.now.donchianUpper20 = 104; s.bar(103, 105.5, 102.5, 105)
        }
      ],
      quiet: { s in s.close(103) }, missing: { s in s.now.donchianUpper20 = nil }, missingHas: "Donchian(20)"),
    StrategyCase(
      2,
      fires: [
        StrategyFiring(.buy, reasonHas: "105.00") { s in
          s.now.high50 = 104; s.bar(103, 105.5, 102.5, 105)
        }
      ],
      quiet: { s in s.close(103.9) }, missing: { s in s.now.high50 = nil }, missingHas: "50-candle high"),
    StrategyCase(
      3,
      fires: [
        StrategyFiring(.sell, reasonHas: "96.00") { s in
          s.now.donchianLower20 = 96; s.bar(97, 97.5, 94.5, 95)
        }
      ],
      quiet: { s in s.close(97) }, missing: { s in s.now.donchianLower20 = nil }, missingHas: "Donchian(20) low"),
    StrategyCase(
      4,
      fires: [
        StrategyFiring(.sell, reasonHas: "-1.04 %") { s in
          s.now.low50 = 96; s.bar(97, 97.5, 94.5, 95)
        }
      ],
      quiet: { s in s.close(96.1) }, missing: { s in s.now.low50 = nil }, missingHas: "50-candle low"),
    StrategyCase(
      5,
      fires: [
        StrategyFiring(.buy, reasonHas: "+0.250") { s in s.now.trendSlope20Pct = 0.25 },
        StrategyFiring(.sell, reasonHas: "-0.300") { s in s.now.trendSlope20Pct = -0.3 },
      ],
      quiet: { s in s.now.trendSlope20Pct = 0.05 }, missing: { s in s.now.trendSlope20Pct = nil },
      missingHas: "trend slope"),
    StrategyCase(
      6,
      fires: [
        StrategyFiring(.buy, reasonHas: "+1.50 × ATR") { s in
          s.now.atr14 = 2; s.previousClose(100); s.close(103)
        },
        StrategyFiring(.sell, reasonHas: "-1.50 × ATR") { s in
          s.now.atr14 = 2; s.previousClose(100); s.close(97)
        },
      ],
      quiet: { s in s.close(101) }, missing: { s in s.now.atr14 = nil }, missingHas: "ATR(14)"),
    StrategyCase(
      7,
      fires: [
        StrategyFiring(.buy, reasonHas: "S1 95.00") { s in
          s.now.support1 = 95; s.bar(95.5, 97, 95.1, 96.5)
        }
      ],
      quiet: { s in s.bar(96.5, 97, 96, 96.8) }, missing: { s in s.now.support1 = nil }, missingHas: "pivot S1"),
    StrategyCase(
      8,
      fires: [
        StrategyFiring(.sell, reasonHas: "R1 105.00") { s in
          s.now.resistance1 = 105; s.bar(104.5, 105.1, 103, 103.5)
        }
      ],
      quiet: { s in s.bar(103.8, 104, 103, 103.5) }, missing: { s in s.now.resistance1 = nil }, missingHas: "pivot R1"),
    StrategyCase(
      9,
      fires: [
        StrategyFiring(.buy, reasonHas: "R1 104.00") { s in
          s.now.resistance1 = 104; s.previousClose(103.5); s.close(104.5)
        }
      ],
      quiet: { s in s.previousClose(104.2) }, missing: { s in s.now.resistance1 = nil }, missingHas: "pivot R1"),
    StrategyCase(
      10,
      fires: [
        StrategyFiring(.sell, reasonHas: "S1 96.00") { s in
          s.now.support1 = 96; s.previousClose(96.5); s.close(95.5)
        }
      ],
      quiet: { s in s.close(96.2) },
      missing: { s in
        s.previousCandle = nil; s.before.close = nil
      },
      missingHas: "previous close"),
    StrategyCase(
      11,
      fires: [
        StrategyFiring(.buy, reasonHas: "pivot P 100.00") { s in
          s.now.pivot = 100; s.previousClose(99.5); s.close(100.6)
        },
        StrategyFiring(.sell, reasonHas: "crossed down") { s in
          s.now.pivot = 100; s.previousClose(100.5); s.close(99.4)
        },
      ],
      quiet: { s in
        s.previousClose(100.5); s.close(100.8)
      }, missing: { s in s.now.pivot = nil },
      missingHas: "pivot point"),
    StrategyCase(
      12,
      fires: [
        StrategyFiring(.buy, reasonHas: "EMA21 100.00") { s in
          s.now.ema21 = 100; s.before.ema21 = 100.2; s.now.sma50 = 102; s.previousClose(99.8); s.close(100.8)
        },
        StrategyFiring(.sell, reasonHas: "uptrend") { s in
          s.now.ema21 = 100; s.before.ema21 = 99.8; s.now.sma50 = 98; s.previousClose(100.2); s.close(99.2)
        },
      ],
      quiet: { s in s.now.sma50 = 99 }, missing: { s in s.now.sma50 = nil }, missingHas: "SMA(50)"),
    StrategyCase(
      13,
      fires: [
        StrategyFiring(.buy, reasonHas: "+0.050") { s in
          s.now.trendSlope20Pct = 0.05; s.before.trendSlope20Pct = -0.03
        },
        StrategyFiring(.sell, reasonHas: "-0.050") { s in
          s.now.trendSlope20Pct = -0.05; s.before.trendSlope20Pct = 0.03
        },
      ],
      quiet: { s in s.before.trendSlope20Pct = 0.02 }, missing: { s in s.before.trendSlope20Pct = nil },
      missingHas: "trend slope"),
    StrategyCase(
      14,
      fires: [
        StrategyFiring(.buy, reasonHas: "SMA200 100.00") { s in
          s.close(110); s.now.sma50 = 105; s.now.sma200 = 100
        },
        StrategyFiring(.sell, reasonHas: "SMA50 95.00") { s in
          s.close(90); s.now.sma50 = 95; s.now.sma200 = 100
        },
      ],
      quiet: { s in s.close(104) }, missing: { s in s.now.sma200 = nil }, missingHas: "SMA(200)"),
    StrategyCase(
      15,
      fires: [
        StrategyFiring(.buy, reasonHas: "EMA50 101.00") { s in
          s.close(105); s.now.ema9 = 104; s.now.ema21 = 103; s.now.ema50 = 101
        },
        StrategyFiring(.sell, reasonHas: "falling") { s in
          s.close(95); s.now.ema9 = 96; s.now.ema21 = 97; s.now.ema50 = 99
        },
      ],
      quiet: { s in s.now.ema21 = 105 }, missing: { s in s.now.ema50 = nil }, missingHas: "EMA(50)"),
    StrategyCase(
      16,
      fires: [
        StrategyFiring(.buy, reasonHas: "SMA20 100.00") { s in
          s.now.sma20 = 100; s.before.sma20 = 100; s.previousClose(99.5); s.close(100.5)
        },
        StrategyFiring(.sell, reasonHas: "crossed below") { s in
          s.now.sma20 = 100; s.before.sma20 = 100; s.previousClose(100.5); s.close(99.5)
        },
      ],
      quiet: { s in s.previousClose(100.2) }, missing: { s in s.before.sma20 = nil }, missingHas: "SMA(20)"),
    StrategyCase(
      17,
      fires: [
        StrategyFiring(.buy, reasonHas: "+1.00 %") { s in
          s.previousClose(100); s.bar(101, 102, 100.8, 101.5)
        },
        StrategyFiring(.sell, reasonHas: "-1.00 %") { s in
          s.previousClose(100); s.bar(99, 99.2, 98, 98.5)
        },
      ],
      quiet: { s in s.bar(100.2, 101, 100, 100.8) }, missing: { s in s.previousCandle = nil },
      missingHas: "previous candle"),
    StrategyCase(
      18,
      fires: [
        StrategyFiring(.buy, reasonHas: "1.40×") { s in
          s.previousBar(101, 101.2, 99.3, 99.5); s.bar(99.4, 101.8, 99.2, 101.5)
        },
        StrategyFiring(.sell, reasonHas: "bearish engulfing") { s in
          s.previousBar(99, 100.7, 98.8, 100.5); s.bar(100.6, 100.8, 98.2, 98.5)
        },
      ],
      quiet: { s in s.bar(99.6, 100.4, 99.5, 100.2) }, missing: { s in s.previousCandle = nil },
      missingHas: "previous candle"),
    StrategyCase(
      19,
      fires: [
        StrategyFiring(.buy, reasonHas: "lower shadow 86 %") { s in
          s.now.sma20 = 102; s.bar(100, 100.5, 97, 100.4)
        },
        StrategyFiring(.sell, reasonHas: "upper shadow 86 %") { s in
          s.now.sma20 = 98; s.bar(100, 103, 99.5, 99.6)
        },
      ],
      quiet: { s in s.bar(100, 101, 99, 100.8) }, missing: { s in s.now.sma20 = nil }, missingHas: "SMA(20)"),
    StrategyCase(
      20,
      fires: [
        StrategyFiring(.buy, reasonHas: "-3.50 × ATR") { s in
          s.now.sma50 = 100; s.now.atr14 = 2; s.close(93)
        },
        StrategyFiring(.sell, reasonHas: "+3.50 × ATR") { s in
          s.now.sma50 = 100; s.now.atr14 = 2; s.close(107)
        },
      ],
      quiet: { s in s.close(97) }, missing: { s in s.now.atr14 = nil }, missingHas: "ATR(14)"),
  ]

  @Test("each price strategy fires, stays quiet and reports missing inputs", arguments: cases)
  func strategy(_ testCase: StrategyCase) { verifyStrategyCase(testCase) }
}
