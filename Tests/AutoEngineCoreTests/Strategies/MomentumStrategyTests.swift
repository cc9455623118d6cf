import Testing

@testable import AutoEngineCore

@Suite("Momentum strategies P51–P60")
struct MomentumStrategyTests {
  static let cases: [StrategyCase] = [
    StrategyCase(
      51,
      fires: [
        StrategyFiring(.buy, reasonHas: "1m momentum +0.50 %") { s in s.now.momentum1mPct = 0.5 },
        StrategyFiring(.sell, reasonHas: "-0.50 %") { s in s.now.momentum1mPct = -0.5 },
      ],
      quiet: { s in s.now.momentum1mPct = 0.1 }, missing: { s in s.now.momentum1mPct = nil }, missingHas: "1m momentum"),
    StrategyCase(
      52,
      fires: [
        StrategyFiring(.buy, reasonHas: "5m momentum +1.00 %") { s in s.now.momentum5mPct = 1 },
        StrategyFiring(.sell, reasonHas: "-1.00 %") { s in s.now.momentum5mPct = -1 },
      ],
      quiet: { s in s.now.momentum5mPct = 0.3 }, missing: { s in s.now.momentum5mPct = nil }, missingHas: "5m momentum"),
    StrategyCase(
      53,
      fires: [
        StrategyFiring(.buy, reasonHas: "15m momentum +1.50 %") { s in s.now.momentum15mPct = 1.5 },
        StrategyFiring(.sell, reasonHas: "-1.50 %") { s in s.now.momentum15mPct = -1.5 },
      ],
      quiet: { s in s.now.momentum15mPct = 0.5 }, missing: { s in s.now.momentum15mPct = nil },
      missingHas: "15m momentum"),
    StrategyCase(
      54,
      fires: [
        StrategyFiring(.buy, reasonHas: "1h momentum +3.00 %") { s in s.now.momentum1hPct = 3 },
        StrategyFiring(.sell, reasonHas: "-3.00 %") { s in s.now.momentum1hPct = -3 },
      ],
      quiet: { s in s.now.momentum1hPct = 1 }, missing: { s in s.now.momentum1hPct = nil }, missingHas: "1h momentum"),
    StrategyCase(
      55,
      fires: [
        StrategyFiring(.buy, reasonHas: "4 of 4 timeframes rising") { s in
          s.now.momentum1mPct = 0.2; s.now.momentum5mPct = 0.5; s.now.momentum15mPct = 0.9; s.now.momentum1hPct = 1.5
        },
        StrategyFiring(.sell, reasonHas: "2 of 2 timeframes falling") { s in
          s.now.momentum15mPct = -0.9; s.now.momentum1hPct = -1.5
        },
      ],
      quiet: { s in s.now.momentum1mPct = -0.2 },
      missing: { s in
        s.now.momentum1mPct = nil; s.now.momentum5mPct = nil; s.now.momentum15mPct = nil
      },
      missingHas: "too few momentum timeframes"),
    StrategyCase(
      56,
      fires: [
        StrategyFiring(.buy, reasonHas: "1h +2.50 %, 5m -0.60 %") { s in
          s.now.momentum1hPct = 2.5; s.now.momentum5mPct = -0.6
        },
        StrategyFiring(.sell, reasonHas: "bounce in a downtrend") { s in
          s.now.momentum1hPct = -2.5; s.now.momentum5mPct = 0.6
        },
      ],
      quiet: { s in s.now.momentum1hPct = 6 }, missing: { s in s.now.momentum5mPct = nil }, missingHas: "5m momentum"),
    StrategyCase(
      57,
      fires: [
        StrategyFiring(.buy, reasonHas: "+1.00 points") { s in
          s.now.roc10 = 3; s.before.roc10 = 2
        },
        StrategyFiring(.sell, reasonHas: "-1.00 points") { s in
          s.now.roc10 = -3; s.before.roc10 = -2
        },
      ],
      quiet: { s in s.before.roc10 = 2.8 }, missing: { s in s.before.roc10 = nil }, missingHas: "ROC(10)"),
    StrategyCase(
      58,
      fires: [
        StrategyFiring(.buy, reasonHas: "ROC(10) +5.00 %") { s in s.now.roc10 = 5 },
        StrategyFiring(.sell, reasonHas: "ROC(10) -5.00 %") { s in s.now.roc10 = -5 },
      ],
      quiet: { s in s.now.roc10 = 1 }, missing: { s in s.now.roc10 = nil }, missingHas: "ROC(10)"),
    StrategyCase(
      59,
      fires: [
        StrategyFiring(.buy, reasonHas: "-0.50 % → +0.40 %") { s in
          s.before.roc10 = -0.5; s.now.roc10 = 0.4
        },
        StrategyFiring(.sell, reasonHas: "crossed below zero") { s in
          s.before.roc10 = 0.5; s.now.roc10 = -0.4
        },
      ],
      quiet: { s in s.before.roc10 = 0.2 }, missing: { s in s.now.roc10 = nil }, missingHas: "ROC(10)"),
    StrategyCase(
      60,
      fires: [
        StrategyFiring(.buy, reasonHas: "1h -7.00 %") { s in
          s.now.momentum1hPct = -7; s.now.momentum5mPct = 0.4
        },
        StrategyFiring(.sell, reasonHas: "fade after a spike") { s in
          s.now.momentum1hPct = 7; s.now.momentum5mPct = -0.4
        },
      ],
      quiet: { s in s.now.momentum5mPct = -0.1 }, missing: { s in s.now.momentum1hPct = nil }, missingHas: "1h momentum"
    ),
  ]

  @Test("each momentum strategy fires, stays quiet and reports missing inputs", arguments: cases)
  func strategy(_ testCase: StrategyCase) { verifyStrategyCase(testCase) }
}
