/// The combined advice of all strategies for one coin at one tick.
///
/// A fixed-size value (the top contributors live inline), so producing one allocates nothing.
/// See `SignalAggregator` for how each number is computed.
public struct AggregatedSignal: Hashable, Sendable {
  /// The advice.
  public var action: TradeAction
  /// Confidence-weighted mean strength of the strategies voting for `action`, 0–1 (0 for HOLD).
  public var strength: Double
  /// Trust in `action`, 0…`maxConfidence`.
  public var confidence: Double
  /// Net direction of the evidence, −1 (all SELL) … +1 (all BUY): `agreement × activity`.
  public var score: Double
  /// (BUY − SELL evidence) / (BUY + SELL evidence), −1…1; 0 when nothing votes.
  public var agreement: Double
  /// Voting evidence relative to the quorum, 0–1.
  public var activity: Double
  /// Share of the total weight whose strategies had their inputs, 0–1.
  public var coverage: Double
  /// Strategies that advised BUY.
  public var buyCount: Int
  /// Strategies that advised SELL.
  public var sellCount: Int
  /// Strategies that had their inputs and advised HOLD.
  public var holdCount: Int
  /// Strategies that could not evaluate (an input missing); not votes.
  public var missingCount: Int
  /// Up to five strategies that pushed hardest toward `action` (for HOLD: either way), largest first.
  public var topContributors: TopContributors

  /// Creates an aggregate from its parts (the aggregator computes them; this is for mapping and tests).
  public init(
    action: TradeAction, strength: Double, confidence: Double, score: Double, agreement: Double, activity: Double,
    coverage: Double, buyCount: Int, sellCount: Int, holdCount: Int, missingCount: Int,
    topContributors: TopContributors
  ) {
    self.action = action
    self.strength = strength
    self.confidence = confidence
    self.score = score
    self.agreement = agreement
    self.activity = activity
    self.coverage = coverage
    self.buyCount = buyCount
    self.sellCount = sellCount
    self.holdCount = holdCount
    self.missingCount = missingCount
    self.topContributors = topContributors
  }

  /// A HOLD with nothing evaluated.
  public static let empty = AggregatedSignal(
    action: .hold, strength: 0, confidence: 0, score: 0, agreement: 0, activity: 0, coverage: 0, buyCount: 0,
    sellCount: 0, holdCount: 0, missingCount: 0, topContributors: TopContributors())

  /// Signals aggregated: votes, holds and missing together.
  public var evaluatedCount: Int { buyCount + sellCount + holdCount + missingCount }
}

extension AggregatedSignal: CustomStringConvertible {
  /// One line for logs and the CLI, e.g.
  /// `BUY strength 0.62 confidence 0.71 score +0.45 (12 buy, 3 sell, 50 hold, 5 missing) top P36 +0.080, P42 +0.051`.
  public var description: String {
    var text =
      "\(action) strength \(ReasonText.fixed(strength)) confidence \(ReasonText.fixed(confidence)) "
      + "score \(ReasonText.signed(score)) (\(buyCount) buy, \(sellCount) sell, \(holdCount) hold, \(missingCount) missing)"
    if !topContributors.isEmpty {
      text +=
        " top "
        + topContributors.map { "\($0.strategy) \(ReasonText.signed($0.contribution, 3))" }.joined(separator: ", ")
    }
    return text
  }
}

/// One strategy's share in an aggregate.
public struct StrategyContribution: Hashable, Sendable {
  /// The strategy.
  public var strategy: StrategyID
  /// Its advice.
  public var action: TradeAction
  /// Its signed share of the voting evidence, −1…1: `direction × w × strength × confidence /
  /// (BUY + SELL evidence)`; the contributions of all voters sum to `agreement`.
  public var contribution: Double

  /// Creates a contribution.
  public init(strategy: StrategyID, action: TradeAction, contribution: Double) {
    self.strategy = strategy
    self.action = action
    self.contribution = contribution
  }
}

/// At most `capacity` contributions ordered by |contribution|, largest first (ties: lower
/// strategy number first), stored inline without heap allocation.
public struct TopContributors: RandomAccessCollection, Hashable, Sendable {
  /// The most contributions kept.
  public static let capacity = 5

  private var storage = InlineArray<5, StrategyContribution>(
    repeating: StrategyContribution(strategy: StrategyID(1), action: .hold, contribution: 0))
  /// How many contributions are kept, 0…`capacity`.
  public private(set) var count = 0

  /// No contributions.
  public init() {}

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }
  public subscript(position: Int) -> StrategyContribution {
    precondition(position >= 0 && position < count, "index out of range")
    return storage[position]
  }

  /// Keeps `candidate` if it ranks among the top `capacity`, dropping the smallest if full.
  public mutating func offer(_ candidate: StrategyContribution) {
    var position = count
    while position > 0, Self.ranks(candidate, above: storage[position - 1]) { position -= 1 }
    guard position < Self.capacity else { return }
    var index = Swift.min(count, Self.capacity - 1)
    while index > position {
      storage[index] = storage[index - 1]
      index -= 1
    }
    storage[position] = candidate
    count = Swift.min(count + 1, Self.capacity)
  }

  private static func ranks(_ a: StrategyContribution, above b: StrategyContribution) -> Bool {
    let (x, y) = (abs(a.contribution), abs(b.contribution))
    return x != y ? x > y : a.strategy < b.strategy
  }

  public static func == (lhs: TopContributors, rhs: TopContributors) -> Bool { lhs.elementsEqual(rhs) }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for element in self { hasher.combine(element) }
  }
}
