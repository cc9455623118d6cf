/// A numbered trading rule ("P-wise" strategy) that reads one coin's market state and advises.
///
/// Conforming types are small value types whose stored properties are their parameters.
/// `evaluate(_:)` is on the hot path — called for every strategy on every tick of every coin —
/// and must not allocate: it returns a `Signal` carrying its deciding numbers, and
/// `reason(for:)` turns those numbers into a sentence only when someone reads it.
///
/// A strategy never invents an input: when one is absent it returns `Signal.missing` (HOLD,
/// confidence 0) naming what is missing.
public protocol Strategy: Sendable {
  /// The strategy's number, `P1` … `P70`.
  var id: StrategyID { get }
  /// Short human name, e.g. "RSI oversold / overbought".
  var name: String { get }
  /// The family the number belongs to.
  var category: StrategyCategory { get }
  /// One-line statement of the rule with its current parameters, e.g.
  /// "BUY when RSI(14) < 30, SELL when RSI(14) > 70".
  var rule: String { get }
  /// The tunable numbers with their current values.
  var parameters: [StrategyParameter] { get }
  /// Advice for the coin described by `context`. Never allocates.
  func evaluate(_ context: StrategyContext) -> Signal
  /// The human sentence for a signal this strategy produced, with its numbers ("RSI 27.40 < 30").
  func reason(for signal: Signal) -> String
}

extension Strategy {
  /// The category that owns `id`.
  public var category: StrategyCategory { id.category }
}

// MARK: - Building signals (internal helpers for conforming types)

extension Strategy {
  /// A BUY with the given strength and confidence (clamped to 0…1) and deciding numbers.
  func buy(
    _ strength: Double, confidence: Double, _ evidence: SignalEvidence, variant: UInt8 = 0
  ) -> Signal {
    Signal(
      strategy: id, action: .buy, strength: strength, confidence: confidence,
      code: .rule(variant: variant), evidence: evidence)
  }

  /// A SELL with the given strength and confidence (clamped to 0…1) and deciding numbers.
  func sell(
    _ strength: Double, confidence: Double, _ evidence: SignalEvidence, variant: UInt8 = 0
  ) -> Signal {
    Signal(
      strategy: id, action: .sell, strength: strength, confidence: confidence,
      code: .rule(variant: variant), evidence: evidence)
  }

  /// A BUY or SELL by the sign of `direction` (> 0 buys), or HOLD when it is 0.
  func signal(
    direction: Double, strength: Double, confidence: Double, _ evidence: SignalEvidence,
    variant: UInt8 = 0
  ) -> Signal {
    if direction > 0 { return buy(strength, confidence: confidence, evidence, variant: variant) }
    if direction < 0 { return sell(strength, confidence: confidence, evidence, variant: variant) }
    return hold(confidence: confidence, evidence, variant: variant)
  }

  /// A HOLD after evaluating the rule: inputs present, nothing fired. `confidence` is the
  /// strategy's trust in that reading.
  func hold(confidence: Double, _ evidence: SignalEvidence, variant: UInt8 = 0) -> Signal {
    Signal(
      strategy: id, action: .hold, strength: 0, confidence: confidence,
      code: .rule(variant: variant), evidence: evidence)
  }

  /// A HOLD with confidence 0 because `input` is absent.
  func missing(_ input: MissingInput) -> Signal { Signal.missing(id, input) }

  /// The reason for `signal`: the missing input's name when there is one, else `explain`'s
  /// sentence built from the evidence.
  func describe(_ signal: Signal, _ explain: (SignalEvidence) -> String) -> String {
    if let input = signal.missingInput { return input.description }
    return explain(signal.evidence)
  }
}
