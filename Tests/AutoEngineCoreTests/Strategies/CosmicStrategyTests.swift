import Testing

@testable import AutoEngineCore

@Suite("Cosmic strategies P66–P70")
struct CosmicStrategyTests {
  static let cases: [StrategyCase] = [
    StrategyCase(
      66,
      fires: [
        StrategyFiring(.sell, reasonHas: "M2.4 flare 3.0 h ago") { s in
          s.cosmic.flareFlux = 2.4e-5; s.cosmic.hoursSinceFlare = 3
        }
      ],
      quiet: { s in s.cosmic.flareFlux = 5e-6 }, missing: { s in s.cosmic.flareFlux = nil }, missingHas: "no solar data"
    ),
    StrategyCase(
      67,
      fires: [StrategyFiring(.sell, reasonHas: "Kp 6.3 ≥ 5 (G2 storm") { s in s.cosmic.kpIndex = 6.3 }],
      quiet: { s in s.cosmic.kpIndex = 3 }, missing: { s in s.cosmic.kpIndex = nil }, missingHas: "Kp"),
    StrategyCase(
      68,
      fires: [
        StrategyFiring(.sell, reasonHas: "Schumann 8.30 Hz") { s in s.cosmic.schumannFrequencyHz = 8.3 },
        StrategyFiring(.buy, reasonHas: "simulated, not measured") { s in
          s.cosmic.schumannFrequencyHz = 7.4; s.cosmic.schumannSimulated = true
        },
      ],
      quiet: { s in s.cosmic.schumannFrequencyHz = 7.9 }, missing: { s in s.cosmic.schumannFrequencyHz = nil },
      missingHas: "schumann data unavailable"),
    StrategyCase(
      69,
      fires: [
        StrategyFiring(.buy, reasonHas: "10.0° from new moon") { s in
          s.cosmic.lunarPhaseAngleDeg = 10; s.cosmic.lunarIllumination = 0.01
        },
        StrategyFiring(.sell, reasonHas: "5.0° from full moon") { s in s.cosmic.lunarPhaseAngleDeg = 185 },
      ],
      quiet: { s in s.cosmic.lunarPhaseAngleDeg = 90 }, missing: { s in s.cosmic.lunarPhaseAngleDeg = nil },
      missingHas: "lunar phase unavailable"),
    StrategyCase(
      70,
      fires: [
        StrategyFiring(.buy, reasonHas: "+0.70") { s in s.cosmic.alignment = 0.7 },
        StrategyFiring(.sell, reasonHas: "-0.70") { s in s.cosmic.alignment = -0.7 },
      ],
      quiet: { s in s.cosmic.alignment = 0.2 }, missing: { s in s.cosmic.alignment = nil },
      missingHas: "cosmic alignment unavailable"),
  ]

  @Test("each cosmic strategy fires, stays quiet and reports missing inputs", arguments: cases)
  func strategy(_ testCase: StrategyCase) { verifyStrategyCase(testCase) }

  @Test("cosmic confidence never exceeds 0.3, even when a parameter asks for more", arguments: cases)
  func confidenceCap(_ testCase: StrategyCase) {
    for firing in testCase.firings {
      var scenario = StrategyScenario()
      firing.setup(&scenario)
      #expect(testCase.strategy.evaluate(scenario.context).confidence <= CosmicStrategyLimits.maxConfidence)
    }
    var greedy = SolarFlareStrategy()
    greedy.confidence = 0.9
    var scenario = StrategyScenario()
    scenario.cosmic = CosmicReadings(flareFlux: 1e-4, hoursSinceFlare: 1)
    #expect(greedy.evaluate(scenario.context).confidence == 0.3)
  }

  @Test("simulated Schumann readings are labelled and trusted half as much")
  func simulatedSchumann() {
    let strategy = SchumannResonanceStrategy()
    var measured = StrategyScenario()
    measured.cosmic.schumannFrequencyHz = 8.3
    var simulated = measured
    simulated.cosmic.schumannSimulated = true
    let real = strategy.evaluate(measured.context)
    let fake = strategy.evaluate(simulated.context)
    #expect(fake.confidence == real.confidence / 2)
    #expect(strategy.reason(for: fake).contains("simulated"))
    #expect(!strategy.reason(for: real).contains("simulated"))
  }

  @Test("flare classes follow the GOES thresholds")
  func flareClasses() {
    #expect(SolarFlareStrategy.flareClass(2.4e-5) == "M2.4")
    #expect(SolarFlareStrategy.flareClass(1.2e-4) == "X1.2")
    #expect(SolarFlareStrategy.flareClass(3e-6) == "C3.0")
    #expect(SolarFlareStrategy.flareClass(5e-9) == "A0.5")
  }
}
