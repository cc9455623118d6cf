import Testing

@testable import AutoEngineCore

@Suite("Volume strategies P21–P35")
struct VolumeStrategyTests {
  static let cases: [StrategyCase] = [
    StrategyCase(
      21,
      fires: [
        StrategyFiring(.buy, reasonHas: "z 3.00") { s in
          s.now.volumeZScore = 3; s.bar(100, 101.8, 99.8, 101.5)
        }
      ],
      quiet: { s in s.bar(101.5, 101.8, 99.8, 100) }, missing: { s in s.now.volumeZScore = nil },
      missingHas: "volume z-score"),
    StrategyCase(
      22,
      fires: [
        StrategyFiring(.sell, reasonHas: "z 3.00") { s in
          s.now.volumeZScore = 3; s.bar(101.5, 101.8, 99.8, 100)
        }
      ],
      quiet: { s in s.bar(100, 101.8, 99.8, 101.5) }, missing: { s in s.now.volumeZScore = nil },
      missingHas: "volume z-score"),
    StrategyCase(
      23,
      fires: [
        StrategyFiring(.buy, reasonHas: "80 % of the range") { s in
          s.now.volumeZScore = 4; s.now.sma20 = 105; s.bar(98, 101, 96, 100)
        },
        StrategyFiring(.sell, reasonHas: "buying climax") { s in
          s.now.volumeZScore = 4; s.now.sma20 = 95; s.bar(102, 104, 99, 100)
        },
      ],
      quiet: { s in s.now.volumeZScore = 2 }, missing: { s in s.now.volumeZScore = nil }, missingHas: "volume z-score"),
    StrategyCase(
      24,
      fires: [
        StrategyFiring(.buy, reasonHas: "0.30×") { s in
          s.now.volumeSMA20 = 100; s.now.sma50 = 95; s.previousClose(101); s.bar(100.8, 101, 99.8, 100, volume: 30)
        },
        StrategyFiring(.sell, reasonHas: "quiet bounce") { s in
          s.now.volumeSMA20 = 100; s.now.sma50 = 105; s.previousClose(99); s.bar(99.2, 100.2, 99, 100, volume: 30)
        },
      ],
      quiet: { s in s.candle.volume = 80 }, missing: { s in s.now.sma50 = nil }, missingHas: "SMA(50)"),
    StrategyCase(
      25,
      fires: [
        StrategyFiring(.sell, reasonHas: "+4.00 %") { s in
          s.now.roc10 = 4; s.now.volumeSMA20 = 100; s.candle.volume = 40
        },
        StrategyFiring(.buy, reasonHas: "-4.00 %") { s in
          s.now.roc10 = -4; s.now.volumeSMA20 = 100; s.candle.volume = 40
        },
      ],
      quiet: { s in s.candle.volume = 100 }, missing: { s in s.now.roc10 = nil }, missingHas: "ROC(10)"),
    StrategyCase(
      26,
      fires: [
        StrategyFiring(.buy, reasonHas: "+1.00 average candles") { s in
          s.now.obv = 1200; s.now.obvSMA20 = 1100; s.before.obv = 1000; s.before.obvSMA20 = 1050;
          s.now.volumeSMA20 = 100
        },
        StrategyFiring(.sell, reasonHas: "crossed below") { s in
          s.now.obv = 900; s.now.obvSMA20 = 1000; s.before.obv = 1100; s.before.obvSMA20 = 1050; s.now.volumeSMA20 = 100
        },
      ],
      quiet: { s in s.before.obv = 1080 }, missing: { s in s.before.obvSMA20 = nil }, missingHas: "OBV"),
    StrategyCase(
      27,
      fires: [
        StrategyFiring(.buy, reasonHas: "+2.00 average candles") { s in
          s.now.obv = 1300; s.now.obvSMA20 = 1100; s.now.volumeSMA20 = 100; s.now.sma20 = 100; s.close(101)
        },
        StrategyFiring(.sell, reasonHas: "-2.00 average candles") { s in
          s.now.obv = 900; s.now.obvSMA20 = 1100; s.now.volumeSMA20 = 100; s.now.sma20 = 100; s.close(99)
        },
      ],
      quiet: { s in s.now.obv = 1150 }, missing: { s in s.now.volumeSMA20 = nil }, missingHas: "volume SMA(20)"),
    StrategyCase(
      28,
      fires: [
        StrategyFiring(.buy, reasonHas: "-3.00 %") { s in
          s.now.roc10 = -3; s.now.obv = 1200; s.now.obvSMA20 = 1100; s.before.obv = 1150; s.now.volumeSMA20 = 100
        },
        StrategyFiring(.sell, reasonHas: "distribution") { s in
          s.now.roc10 = 3; s.now.obv = 1000; s.now.obvSMA20 = 1100; s.before.obv = 1050; s.now.volumeSMA20 = 100
        },
      ],
      quiet: { s in s.now.roc10 = -0.5 }, missing: { s in s.now.roc10 = nil }, missingHas: "ROC(10)"),
    StrategyCase(
      29,
      fires: [
        StrategyFiring(.buy, reasonHas: "+0.70") { s in s.now.priceVolumeCorrelation20 = 0.7 },
        StrategyFiring(.sell, reasonHas: "-0.70") { s in s.now.priceVolumeCorrelation20 = -0.7 },
      ],
      quiet: { s in s.now.priceVolumeCorrelation20 = 0.1 }, missing: { s in s.now.priceVolumeCorrelation20 = nil },
      missingHas: "correlation"),
    StrategyCase(
      30,
      fires: [
        StrategyFiring(.buy, reasonHas: "VWAP(20) 100.00") { s in
          s.now.vwap20 = 100; s.before.vwap20 = 100; s.previousClose(99.5); s.close(100.5)
        },
        StrategyFiring(.sell, reasonHas: "crossed below") { s in
          s.now.vwap20 = 100; s.before.vwap20 = 100; s.previousClose(100.5); s.close(99.5)
        },
      ],
      quiet: { s in
        // Far above the drifting cumulative VWAP, but no cross of the 20-candle one: HOLD.
        s.now.vwap = 50; s.before.vwap = 50; s.now.vwap20 = 100; s.before.vwap20 = 100; s.previousClose(100.3);
        s.close(100.5)
      }, missing: { s in s.now.vwap20 = nil },
      missingHas: "VWAP(20)"),
    StrategyCase(
      31,
      fires: [
        StrategyFiring(.buy, reasonHas: "-7.00 % from VWAP(20) 100.00") { s in
          s.now.vwap20 = 100; s.previousClose(92); s.close(93)
        },
        StrategyFiring(.sell, reasonHas: "+2.50 %") { s in
          s.now.vwap20 = 100; s.previousClose(103); s.close(102.5)
        },
      ],
      // Far below the cumulative VWAP but close to the 20-candle one: the cumulative VWAP is not read.
      quiet: { s in
        s.now.vwap = 100; s.now.vwap20 = 93.5
      },
      missing: { s in
        s.now.vwap = 100; s.now.vwap20 = nil
      }, missingHas: "20-candle VWAP"),
    StrategyCase(
      32,
      fires: [
        StrategyFiring(.buy, reasonHas: "MFI 15.0") { s in s.now.mfi14 = 15 },
        StrategyFiring(.sell, reasonHas: "MFI 85.0") { s in s.now.mfi14 = 85 },
      ],
      quiet: { s in s.now.mfi14 = 50 }, missing: { s in s.now.mfi14 = nil }, missingHas: "MFI(14)"),
    StrategyCase(
      33,
      fires: [
        StrategyFiring(.buy, reasonHas: "18.0 → 24.0") { s in
          s.before.mfi14 = 18; s.now.mfi14 = 24
        },
        StrategyFiring(.sell, reasonHas: "83.0 → 76.0") { s in
          s.before.mfi14 = 83; s.now.mfi14 = 76
        },
      ],
      quiet: { s in
        s.before.mfi14 = 30; s.now.mfi14 = 35
      }, missing: { s in s.before.mfi14 = nil }, missingHas: "MFI(14)"),
    StrategyCase(
      34,
      fires: [
        StrategyFiring(.buy, reasonHas: "volume z 2.50") { s in
          s.now.donchianUpper20 = 104; s.now.donchianLower20 = 96; s.now.volumeZScore = 2.5; s.close(105)
        },
        StrategyFiring(.sell, reasonHas: "low 96.00") { s in
          s.now.donchianUpper20 = 104; s.now.donchianLower20 = 96; s.now.volumeZScore = 2.5; s.close(95)
        },
      ],
      quiet: { s in s.now.volumeZScore = 1 }, missing: { s in s.now.volumeZScore = nil }, missingHas: "volume z-score"),
    StrategyCase(
      35,
      fires: [
        StrategyFiring(.buy, reasonHas: "2.10× and 2.00×") { s in
          s.before.volumeSMA20 = 100; s.now.volumeSMA20 = 105
          s.previousBar(100, 101.2, 99.8, 101, volume: 200); s.bar(101, 102.2, 100.8, 102, volume: 220)
        },
        StrategyFiring(.sell, reasonHas: "two down candles") { s in
          s.before.volumeSMA20 = 100; s.now.volumeSMA20 = 105
          s.previousBar(101, 101.2, 99.8, 100, volume: 200); s.bar(100, 100.2, 98.8, 99, volume: 220)
        },
      ],
      quiet: { s in s.candle.volume = 120 }, missing: { s in s.before.volumeSMA20 = nil }, missingHas: "volume SMA(20)"),
  ]

  @Test("each volume strategy fires, stays quiet and reports missing inputs", arguments: cases)
  func strategy(_ testCase: StrategyCase) { verifyStrategyCase(testCase) }
}
