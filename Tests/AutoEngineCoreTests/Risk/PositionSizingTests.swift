import FoundationEssentials
import Testing

@testable import AutoEngineCore

@Suite("Position sizing")
struct PositionSizingTests {
  let sizing = PositionSizing()

  func amount(_ confidence: Double, min: Decimal = 10, max: Decimal = 5_000, available: Decimal = 100_000) -> Decimal? {
    sizing.size(confidence: confidence, minTrade: min, maxTrade: max, available: available).amount
  }

  @Test("minimum confidence buys the minimum trade, maximum confidence the maximum")
  func bounds() {
    #expect(amount(0.7) == 10)
    #expect(amount(0.95) == 5_000)
    #expect(amount(0.95, max: 10_000) == 10_000)
  }

  @Test("confidence beyond the bounds is clamped")
  func clampedConfidence() {
    #expect(amount(0.5) == 10)
    #expect(amount(0.99) == 5_000)
    #expect(amount(.nan) == 10)
  }

  @Test("sizing is linear in confidence, exact in decimal")
  func linear() {
    #expect(amount(0.8) == 2_006)  // 10 + 0.4 × 4,990
    #expect(amount(0.825) == 2_505)  // 10 + 0.5 × 4,990
    #expect(amount(0.8, max: 10_000) == 4_006)  // 10 + 0.4 × 9,990
    #expect(sizing.confidenceFraction(0.8) == Decimal(string: "0.4"))
  }

  @Test("amounts are rounded down to cents")
  func roundedDown() {
    // fraction (0.71 − 0.7) / 0.25 = 0.04 → 10 + 0.04 × 4,990 = 209.6; (0.7001) → 0.0004 × 4,990 = 1.996
    #expect(amount(0.7001) == Decimal(string: "11.99"))
    #expect(amount(0.71) == Decimal(string: "209.6"))
    let threePlaces = PositionSizing(quoteDecimalPlaces: 3)
    #expect(
      threePlaces.size(confidence: 0.7001, minTrade: 10, maxTrade: 5_000, available: 100_000).amount
        == Decimal(string: "11.996"))
  }

  @Test("the amount is clamped to the available balance")
  func clampedToBalance() {
    #expect(amount(0.95, available: 1_234.567) == Decimal(string: "1234.56"))
    #expect(amount(0.7, available: 10) == 10)
  }

  @Test("a balance below the minimum trade is a refusal, not a tiny order")
  func refusal() {
    #expect(
      sizing.size(confidence: 0.9, minTrade: 10, maxTrade: 5_000, available: Decimal(string: "9.99")!)
        == .refused(available: Decimal(string: "9.99")!, minimum: 10))
    #expect(
      sizing.size(confidence: 0.9, minTrade: 10, maxTrade: 5_000, available: 0) == .refused(available: 0, minimum: 10))
    // rounding down must not produce an order below a minimum with sub-cent precision
    #expect(
      sizing.size(
        confidence: 0.7, minTrade: Decimal(string: "10.005")!, maxTrade: 100, available: Decimal(string: "10.009")!
      ).amount == nil)
  }

  @Test("sizing for a coin uses its limits; configuration supplies the thresholds")
  func coinAndConfiguration() {
    let btc = CoinCatalogue.defaults.coin(forSymbol: "BTC-USD")!
    #expect(sizing.size(confidence: 0.95, coin: btc, available: 50_000).amount == 10_000)
    var configuration = EngineConfiguration.defaults
    configuration.strategy.minConfidence = 0.5
    configuration.strategy.maxConfidence = 0.9
    let custom = PositionSizing(configuration: configuration)
    #expect(custom.size(confidence: 0.7, coin: btc, available: 50_000).amount == 5_005)
  }

  @Test("equal thresholds jump from minimum to maximum")
  func equalThresholds() {
    let step = PositionSizing(minConfidence: 0.8, maxConfidence: 0.8)
    #expect(step.confidenceFraction(0.79) == 0)
    #expect(step.confidenceFraction(0.8) == 0)
    #expect(step.confidenceFraction(0.81) == 1)
  }

  @Test("descriptions of sizes")
  func descriptions() {
    #expect(PositionSize.amount(12).description == "12")
    #expect(
      PositionSize.refused(available: 5, minimum: 10).description
        == "refused: 5 available is below the minimum trade 10")
  }
}

@Suite("Decimal rounding down")
struct DecimalRoundingTests {
  @Test(
    "rounds toward negative infinity at the given places",
    arguments: [
      ("12.349", 2, "12.34"), ("12.3", 2, "12.3"), ("12", 2, "12"), ("-12.341", 2, "-12.35"),
      ("-12.34", 2, "-12.34"), ("0.999", 0, "0"), ("-0.5", 0, "-1"), ("123.456789", 4, "123.4567"),
      ("5.5", -1, "5"),
    ])
  func rounding(value: String, places: Int, expected: String) {
    #expect(Decimal(string: value)!.roundedDown(toPlaces: places) == Decimal(string: expected)!)
  }
}
