/// P42–P44 and P50 — a fast moving average crosses a slow one: BUY up, SELL down.
///
/// P42 EMA 9/21, P43 EMA 12/26, P44 SMA 50/200 (golden / death cross), P50 SMA 20/50.
/// Evidence: fast average, slow average, spread in percent of the slow one.
public struct MovingAverageCrossStrategy: Strategy {
  /// The crossing pair.
  public enum Pair: Hashable, Sendable, CaseIterable {
    /// P42: EMA 9 over EMA 21.
    case ema9ema21
    /// P43: EMA 12 over EMA 26.
    case ema12ema26
    /// P44: SMA 50 over SMA 200 (golden cross up, death cross down).
    case sma50sma200
    /// P50: SMA 20 over SMA 50.
    case sma20sma50
  }

  /// The crossing pair.
  public let pair: Pair
  /// Spread between the averages, percent, at which strength reaches 1.
  public var fullStrengthPct: Double
  /// Confidence of a cross, 0–1.
  public var confidence: Double

  /// The strategy for `pair` with default parameters (slower pairs are trusted more).
  public init(_ pair: Pair) {
    self.pair = pair
    switch pair {
    case .ema9ema21, .ema12ema26:
      fullStrengthPct = 0.5
      confidence = 0.45
    case .sma50sma200:
      fullStrengthPct = 1.0
      confidence = 0.6
    case .sma20sma50:
      fullStrengthPct = 1.0
      confidence = 0.5
    }
  }

  public var id: StrategyID {
    switch pair {
    case .ema9ema21: StrategyID(42)
    case .ema12ema26: StrategyID(43)
    case .sma50sma200: StrategyID(44)
    case .sma20sma50: StrategyID(50)
    }
  }

  private var names: (fast: String, slow: String) {
    switch pair {
    case .ema9ema21: ("EMA 9", "EMA 21")
    case .ema12ema26: ("EMA 12", "EMA 26")
    case .sma50sma200: ("SMA 50", "SMA 200")
    case .sma20sma50: ("SMA 20", "SMA 50")
    }
  }

  public var name: String {
    switch pair {
    case .ema9ema21: "EMA 9/21 cross"
    case .ema12ema26: "EMA 12/26 cross"
    case .sma50sma200: "SMA 50/200 golden / death cross"
    case .sma20sma50: "SMA 20/50 cross"
    }
  }

  public var rule: String { "BUY when \(names.fast) crosses above \(names.slow), SELL when it crosses below" }

  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "spread between the averages giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    let now = context.snapshot
    let before = context.previous
    let fast: Double?, slow: Double?, previousFast: Double?, previousSlow: Double?
    switch pair {
    case .ema9ema21: (fast, slow, previousFast, previousSlow) = (now.ema9, now.ema21, before.ema9, before.ema21)
    case .ema12ema26: (fast, slow, previousFast, previousSlow) = (now.ema12, now.ema26, before.ema12, before.ema26)
    case .sma50sma200: (fast, slow, previousFast, previousSlow) = (now.sma50, now.sma200, before.sma50, before.sma200)
    case .sma20sma50: (fast, slow, previousFast, previousSlow) = (now.sma20, now.sma50, before.sma20, before.sma50)
    }
    guard let fast, let previousFast else {
      switch pair {
      case .ema9ema21: return missing("EMA(9) warming up")
      case .ema12ema26: return missing("EMA(12) warming up")
      case .sma50sma200: return missing("SMA(50) warming up")
      case .sma20sma50: return missing("SMA(20) warming up")
      }
    }
    guard let slow, let previousSlow else {
      switch pair {
      case .ema9ema21: return missing("EMA(21) warming up")
      case .ema12ema26: return missing("EMA(26) warming up")
      case .sma50sma200: return missing("SMA(200) warming up")
      case .sma20sma50: return missing("SMA(50) warming up")
      }
    }
    let spreadPct = StrategyMath.percentChange(from: slow, to: fast)
    let direction = StrategyMath.cross(previousSpread: previousFast - previousSlow, spread: fast - slow)
    return signal(
      direction: direction, strength: StrategyMath.grade(abs(spreadPct), full: fullStrengthPct),
      confidence: confidence, SignalEvidence(fast, slow, spreadPct))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let move = signal.action == .buy ? "crossed above" : (signal.action == .sell ? "crossed below" : "did not cross")
      let label =
        pair == .sma50sma200 && signal.action != .hold
        ? (signal.action == .buy ? "golden cross: " : "death cross: ") : ""
      return
        "\(label)\(names.fast) \(ReasonText.price(e.primary)) \(move) \(names.slow) \(ReasonText.price(e.reference)) "
        + "(spread \(ReasonText.signedPercent(e.secondary, 3)))"
    }
  }
}
