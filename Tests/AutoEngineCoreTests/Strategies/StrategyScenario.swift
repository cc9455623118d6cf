import Testing

@testable import AutoEngineCore

/// A mutable description of one tick, turned into a `StrategyContext` for a strategy under test.
///
/// Defaults: an unremarkable candle around 100 after a similar previous candle, every indicator
/// absent, no cosmic data.
struct StrategyScenario {
  static let start = UnixTime(seconds: 1_735_689_600)  // 2025-01-01T00:00:00Z

  var now = IndicatorSnapshot()
  var before = IndicatorSnapshot()
  var candle = Candle(time: StrategyScenario.start, open: 100, high: 101, low: 99, close: 100, volume: 10)
  var previousCandle: Candle? = Candle(
    time: StrategyScenario.start.adding(-300), open: 100, high: 101, low: 99, close: 100, volume: 10)
  var cosmic = CosmicReadings()

  var context: StrategyContext {
    var snapshot = now
    snapshot.close = candle.close
    snapshot.time = candle.time
    return StrategyContext(
      snapshot: snapshot, previous: before, candle: candle, previousCandle: previousCandle, cosmic: cosmic,
      now: candle.time.adding(1))
  }

  /// Sets the latest candle.
  mutating func bar(_ open: Double, _ high: Double, _ low: Double, _ close: Double, volume: Double = 10) {
    candle = Candle(time: StrategyScenario.start, open: open, high: high, low: low, close: close, volume: volume)
  }

  /// Sets the latest candle to close at `close`, opening 0.5 below it.
  mutating func close(_ close: Double) { bar(close - 0.5, close + 0.3, close - 0.8, close) }

  /// Sets the previous candle.
  mutating func previousBar(_ open: Double, _ high: Double, _ low: Double, _ close: Double, volume: Double = 10) {
    previousCandle = Candle(
      time: StrategyScenario.start.adding(-300), open: open, high: high, low: low, close: close, volume: volume)
  }

  /// Sets the previous candle to close at `close`.
  mutating func previousClose(_ close: Double) { previousBar(close, close + 0.3, close - 0.3, close) }
}

/// What one crafted scenario must produce.
struct StrategyFiring: Sendable {
  let action: TradeAction
  let reasonHas: String
  let setup: @Sendable (inout StrategyScenario) -> Void

  init(_ action: TradeAction, reasonHas: String, _ setup: @escaping @Sendable (inout StrategyScenario) -> Void) {
    self.action = action
    self.reasonHas = reasonHas
    self.setup = setup
  }
}

/// The crafted scenarios of one strategy: one or two that must fire it, one (built on the first
/// firing scenario) that must not, and one (also built on it) with an input removed.
struct StrategyCase: Sendable, CustomTestStringConvertible {
  let number: Int
  let firings: [StrategyFiring]
  let quiet: @Sendable (inout StrategyScenario) -> Void
  let missing: @Sendable (inout StrategyScenario) -> Void
  let missingHas: String

  init(
    _ number: Int, fires firings: [StrategyFiring], quiet: @escaping @Sendable (inout StrategyScenario) -> Void,
    missing: @escaping @Sendable (inout StrategyScenario) -> Void, missingHas: String
  ) {
    self.number = number
    self.firings = firings
    self.quiet = quiet
    self.missing = missing
    self.missingHas = missingHas
  }

  var testDescription: String { "P\(number)" }

  var strategy: any Strategy { StrategyCatalogue.strategy(StrategyID(number)) }

  func scenario(_ extra: ((inout StrategyScenario) -> Void)? = nil) -> StrategyScenario {
    var scenario = StrategyScenario()
    firings[0].setup(&scenario)
    extra?(&scenario)
    return scenario
  }
}

/// Checks a strategy against its case: fires, stays quiet, reports a missing input.
func verifyStrategyCase(_ testCase: StrategyCase) {
  let strategy = testCase.strategy
  #expect(strategy.id.number == testCase.number)
  for firing in testCase.firings {
    var scenario = StrategyScenario()
    firing.setup(&scenario)
    let signal = strategy.evaluate(scenario.context)
    let reason = strategy.reason(for: signal)
    #expect(signal.strategy == strategy.id)
    #expect(signal.action == firing.action, "\(strategy.id) \(firing.action): \(reason)")
    #expect(signal.strength > 0 && signal.strength <= 1, "\(strategy.id) strength \(signal.strength)")
    #expect(signal.confidence > 0 && signal.confidence <= 1, "\(strategy.id) confidence \(signal.confidence)")
    #expect(!signal.isMissing)
    #expect(reason.contains(firing.reasonHas), "\(strategy.id) reason \"\(reason)\" lacks \"\(firing.reasonHas)\"")
  }

  let quiet = strategy.evaluate(testCase.scenario(testCase.quiet).context)
  #expect(quiet.action == .hold, "\(strategy.id) quiet: \(strategy.reason(for: quiet))")
  #expect(quiet.strength == 0)
  #expect(!quiet.isMissing, "\(strategy.id) quiet case is missing \(quiet.missingInput?.description ?? "")")
  #expect(quiet.confidence > 0)
  #expect(!strategy.reason(for: quiet).isEmpty)

  let missing = strategy.evaluate(testCase.scenario(testCase.missing).context)
  let missingReason = strategy.reason(for: missing)
  #expect(missing.action == .hold)
  #expect(missing.confidence == 0)
  #expect(missing.strength == 0)
  #expect(missing.isMissing, "\(strategy.id) missing case evaluated: \(missingReason)")
  #expect(
    missingReason.contains(testCase.missingHas),
    "\(strategy.id) missing reason \"\(missingReason)\" lacks \"\(testCase.missingHas)\"")
}
