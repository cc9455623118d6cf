/// One strategy's advice for one coin at one tick.
///
/// A fixed-size value with no references: evaluating every strategy for a coin allocates
/// nothing. The numbers that decided it travel in `evidence`; the strategy that produced it turns
/// them into a human sentence only on request (`Strategy.reason(for:)`).
///
/// Invariants: `strength` and `confidence` lie in 0…1; a `hold` has strength 0; a signal whose
/// input is missing is a `hold` with confidence 0.
public struct Signal: Hashable, Sendable {
  /// The strategy that produced the signal.
  public var strategy: StrategyID
  /// The advice.
  public var action: TradeAction
  /// How far past its threshold the rule fired, 0–1 (0 for `hold`).
  public var strength: Double
  /// How much the strategy trusts its reading, 0–1 (0 when an input is missing).
  public var confidence: Double
  /// Whether the rule was evaluated (and which branch decided) or which input was missing.
  public var code: SignalReasonCode
  /// The deciding numbers, in the units the strategy documents.
  public var evidence: SignalEvidence

  /// Creates a signal, clamping `strength` and `confidence` into 0…1 (non-finite values become 0).
  public init(
    strategy: StrategyID, action: TradeAction, strength: Double, confidence: Double,
    code: SignalReasonCode = .rule(), evidence: SignalEvidence = SignalEvidence()
  ) {
    self.strategy = strategy
    self.action = action
    self.strength = action == .hold ? 0 : Self.unit(strength)
    self.confidence = Self.unit(confidence)
    self.code = code
    self.evidence = evidence
  }

  /// A `hold` with confidence 0 because `input` is absent.
  public static func missing(_ strategy: StrategyID, _ input: MissingInput) -> Signal {
    Signal(strategy: strategy, action: .hold, strength: 0, confidence: 0, code: .missing(input))
  }

  /// The missing input, when the rule could not be evaluated.
  public var missingInput: MissingInput? {
    if case .missing(let input) = code { return input }
    return nil
  }

  /// Whether an input was missing (the signal then is not a vote).
  public var isMissing: Bool { missingInput != nil }

  /// Strength × confidence × direction: the signal's signed weight of evidence, −1…1.
  public var signedEvidence: Double { action.direction * strength * confidence }

  private static func unit(_ value: Double) -> Double {
    guard value.isFinite else { return 0 }
    return min(1, max(0, value))
  }
}

/// Why a signal is what it is, without any text: formatted only when someone asks.
public enum SignalReasonCode: Hashable, Sendable {
  /// Every input was present and the rule was evaluated; `variant` says which branch decided
  /// (strategy specific, 0 unless the strategy documents more than one pattern).
  case rule(variant: UInt8 = 0)
  /// An input was absent (warm-up, no cosmic feed): the signal is a `hold` with confidence 0.
  case missing(MissingInput)
}

/// The up-to-three numbers that decided a signal, in the units its strategy documents.
///
/// Typically `primary` is the measured value (RSI 27.4), `reference` the level it was compared
/// with (30) and `secondary` a supporting number (the previous value, a volume z-score…).
public struct SignalEvidence: Hashable, Sendable {
  /// The measured value.
  public var primary: Double
  /// The level or value it was compared with.
  public var reference: Double
  /// A supporting number; 0 when the strategy uses only two.
  public var secondary: Double

  /// Creates evidence; unused numbers default to 0.
  public init(_ primary: Double = 0, _ reference: Double = 0, _ secondary: Double = 0) {
    self.primary = primary
    self.reference = reference
    self.secondary = secondary
  }
}

/// The name of an input a strategy needed but did not have, e.g. "RSI(14) warming up".
///
/// Holds a string literal, so creating one never allocates.
public struct MissingInput: Hashable, Sendable, CustomStringConvertible {
  /// The literal text.
  public let text: StaticString

  /// Wraps a literal.
  public init(_ text: StaticString) { self.text = text }

  /// The text as a `String`.
  public var description: String { text.description }

  public static func == (lhs: MissingInput, rhs: MissingInput) -> Bool {
    lhs.text.withUTF8Buffer { left in rhs.text.withUTF8Buffer { right in left.elementsEqual(right) } }
  }

  public func hash(into hasher: inout Hasher) {
    text.withUTF8Buffer { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

extension MissingInput: ExpressibleByStringLiteral {
  /// A missing input named by a literal: `let input: MissingInput = "RSI(14) warming up"`.
  public init(stringLiteral value: StaticString) { self.init(value) }
}
