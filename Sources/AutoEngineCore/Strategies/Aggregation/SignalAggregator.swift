/// Combines the signals of one coin's strategies into one action, strength and confidence.
///
/// For every signal `i` with its inputs present, let `wᵢ` be its category weight
/// (`AggregationSettings.weights`, negative or non-finite weights count as 0), `sᵢ` its strength,
/// `cᵢ` its confidence and `eᵢ = wᵢ·sᵢ·cᵢ` its evidence. Then
///
/// ```
/// B = Σ eᵢ over BUY signals            S = Σ eᵢ over SELL signals
/// W = Σ wᵢ over signals with inputs     T = Σ wᵢ over all signals (missing ones too)
/// coverage  = W / T                                   share of the weight that could see the market
/// agreement = (B − S) / (B + S)                       −1…1, 0 when nothing votes
/// activity  = min(1, (B + S) / (evidenceQuorum · W))  0…1, how much voted compared with the quorum
/// score     = agreement · activity                    −1…1
/// action    = BUY if score ≥ actionThreshold (and > 0), SELL if score ≤ −actionThreshold, else HOLD
/// strength  = Σ wᵢcᵢsᵢ / Σ wᵢcᵢ over the signals voting for the action (0 for HOLD)
/// confidence (BUY)  = B / (B + S) · coverage · activity      (SELL: S / (B + S) · …)
/// confidence (HOLD) = coverage · (1 − |score|)
/// confidence is finally clamped to 0…maxConfidence.
/// ```
///
/// So HOLD signals dilute nothing directly but count toward `W`, which sets the quorum; missing
/// inputs are not votes and lower `coverage`, hence confidence; a lone strong signal among many
/// quiet ones cannot reach full activity. The top contributors are the voters for the chosen
/// action (for HOLD, voters on either side) ranked by |direction · eᵢ / (B + S)|.
///
/// Works on any collection of signals and allocates nothing.
public struct SignalAggregator: Hashable, Sendable {
  /// Weights and thresholds.
  public var settings: AggregationSettings

  /// An aggregator with `settings` (defaults: market categories 1, cosmic 0.25, threshold 0.25,
  /// quorum 0.15, max confidence 0.95).
  public init(settings: AggregationSettings = AggregationSettings()) { self.settings = settings }

  /// The aggregate of `signals` (each identifies its strategy, whose number gives its category).
  public func aggregate(_ signals: some Collection<Signal>) -> AggregatedSignal {
    let weights = CategoryWeightTable(settings.weights)
    var result = AggregatedSignal.empty
    var total = 0.0, available = 0.0
    var buyEvidence = 0.0, sellEvidence = 0.0
    var buyWeightConfidence = 0.0, buyWeightedStrength = 0.0
    var sellWeightConfidence = 0.0, sellWeightedStrength = 0.0

    for signal in signals {
      let weight = weights[signal.strategy]
      total += weight
      guard !signal.isMissing else {
        result.missingCount += 1
        continue
      }
      available += weight
      let weightConfidence = weight * signal.confidence
      switch signal.action {
      case .buy:
        result.buyCount += 1
        buyEvidence += weightConfidence * signal.strength
        buyWeightConfidence += weightConfidence
        buyWeightedStrength += weightConfidence * signal.strength
      case .sell:
        result.sellCount += 1
        sellEvidence += weightConfidence * signal.strength
        sellWeightConfidence += weightConfidence
        sellWeightedStrength += weightConfidence * signal.strength
      case .hold:
        result.holdCount += 1
      }
    }

    let evidence = buyEvidence + sellEvidence
    result.coverage = total > 0 ? available / total : 0
    result.agreement = evidence > 0 ? (buyEvidence - sellEvidence) / evidence : 0
    if evidence > 0 {
      let quorum = max(0, settings.evidenceQuorum) * available
      result.activity = quorum > 0 ? min(1, evidence / quorum) : 1
    }
    result.score = result.agreement * result.activity

    let threshold = settings.actionThreshold
    let confidence: Double
    if result.score > 0, result.score >= threshold {
      result.action = .buy
      result.strength = buyWeightConfidence > 0 ? buyWeightedStrength / buyWeightConfidence : 0
      confidence = buyEvidence / evidence * result.coverage * result.activity
    } else if result.score < 0, result.score <= -threshold {
      result.action = .sell
      result.strength = sellWeightConfidence > 0 ? sellWeightedStrength / sellWeightConfidence : 0
      confidence = sellEvidence / evidence * result.coverage * result.activity
    } else {
      result.action = .hold
      result.strength = 0
      confidence = result.coverage * (1 - abs(result.score))
    }
    result.confidence = min(max(0, settings.maxConfidence), max(0, confidence))
    result.strength = min(1, max(0, result.strength))

    if evidence > 0 {
      for signal in signals where !signal.isMissing && signal.action != .hold {
        guard result.action == .hold || signal.action == result.action else { continue }
        let share = signal.action.direction * weights[signal.strategy] * signal.strength * signal.confidence / evidence
        guard share != 0 else { continue }
        result.topContributors.offer(
          StrategyContribution(strategy: signal.strategy, action: signal.action, contribution: share))
      }
    }
    return result
  }

}

/// The six category weights, sanitised (negative or non-finite → 0), indexed by strategy.
private struct CategoryWeightTable {
  private let weights: (Double, Double, Double, Double, Double, Double)

  init(_ weights: CategoryWeights) {
    func clean(_ weight: Double) -> Double { weight.isFinite && weight > 0 ? weight : 0 }
    self.weights = (
      clean(weights.price), clean(weights.volume), clean(weights.technical), clean(weights.momentum),
      clean(weights.volatility), clean(weights.cosmic)
    )
  }

  @inline(__always)
  subscript(strategy: StrategyID) -> Double {
    switch strategy.number {
    case ...20: weights.0
    case ...35: weights.1
    case ...50: weights.2
    case ...60: weights.3
    case ...65: weights.4
    default: weights.5
    }
  }
}
