/// A coin's aggregated signal at one moment, as the risk policy reads it.
///
/// Holds only what the entry and exit rules need: the aggregated action, its strength and its
/// confidence (fractions in 0…1). Values outside 0…1 or `nan` never pass a threshold.
public struct SignalSnapshot: Hashable, Sendable, CustomStringConvertible {
  /// The aggregated advice (the strategies' own action type).
  public typealias Action = TradeAction

  /// What the aggregated strategies advise.
  public var action: Action
  /// Aggregated strength, 0…1.
  public var strength: Double
  /// Aggregated confidence, 0…1 (already clamped to `strategy.max_confidence` by aggregation).
  public var confidence: Double

  /// Creates a snapshot.
  public init(action: Action, strength: Double, confidence: Double) {
    self.action = action
    self.strength = strength
    self.confidence = confidence
  }

  /// The risk policy's view of an aggregate of strategy signals.
  public init(_ aggregate: AggregatedSignal) {
    self.init(action: aggregate.action, strength: aggregate.strength, confidence: aggregate.confidence)
  }

  /// A neutral snapshot: HOLD with zero strength and confidence.
  public static let hold = SignalSnapshot(action: .hold, strength: 0, confidence: 0)

  /// `BUY strength 0.72 confidence 0.81`.
  public var description: String {
    "\(action) strength \(NumberText.fixed(strength, decimals: 2)) "
      + "confidence \(NumberText.fixed(confidence, decimals: 2))"
  }
}
