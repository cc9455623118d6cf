// Price strategies P7–P11: bounces off, rejections at and breaks through pivot levels.

/// P7 — the candle dips to pivot support S1 and closes back above it as an up candle: BUY.
///
/// Evidence: close, S1, candle low.
public struct SupportBounceStrategy: Strategy {
  /// How close the low must come to S1, percent of S1 (a low up to this far above S1 counts).
  public var tolerancePct = 0.2
  /// Close above S1, percent, at which strength reaches 1.
  public var fullStrengthPct = 1.0
  /// Confidence of a bounce, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(7) }
  public var name: String { "Pivot S1 support bounce" }
  public var rule: String {
    "BUY when the low reaches within \(ReasonText.fixed(tolerancePct)) % of pivot S1 and the candle closes up above S1"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("tolerancePct", tolerancePct, unit: "%", "how near S1 the low must come"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "close above S1 giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a bounce"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let support = context.snapshot.support1 else {
      return missing("pivot S1 unavailable (pivot block warming up)")
    }
    let candle = context.candle
    let evidence = SignalEvidence(candle.close, support, candle.low)
    let touched = candle.low <= support * (1 + tolerancePct / 100)
    guard touched, candle.close > support, candle.close > candle.open else {
      return hold(confidence: confidence, evidence)
    }
    let abovePct = StrategyMath.percentChange(from: support, to: candle.close)
    return buy(StrategyMath.grade(abovePct, full: fullStrengthPct), confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict = signal.action == .buy ? "bounced" : "no bounce"
      return
        "\(verdict): low \(ReasonText.price(e.secondary)), close \(ReasonText.price(e.primary)) vs S1 \(ReasonText.price(e.reference))"
    }
  }
}

/// P8 — the candle reaches pivot resistance R1 and closes back below it as a down candle: SELL.
///
/// Evidence: close, R1, candle high.
public struct ResistanceRejectionStrategy: Strategy {
  /// How close the high must come to R1, percent of R1 (a high up to this far below R1 counts).
  public var tolerancePct = 0.2
  /// Close below R1, percent, at which strength reaches 1.
  public var fullStrengthPct = 1.0
  /// Confidence of a rejection, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(8) }
  public var name: String { "Pivot R1 resistance rejection" }
  public var rule: String {
    "SELL when the high reaches within \(ReasonText.fixed(tolerancePct)) % of pivot R1 and the candle closes down below R1"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("tolerancePct", tolerancePct, unit: "%", "how near R1 the high must come"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "close below R1 giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a rejection"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let resistance = context.snapshot.resistance1 else {
      return missing("pivot R1 unavailable (pivot block warming up)")
    }
    let candle = context.candle
    let evidence = SignalEvidence(candle.close, resistance, candle.high)
    let touched = candle.high >= resistance * (1 - tolerancePct / 100)
    guard touched, candle.close < resistance, candle.close < candle.open else {
      return hold(confidence: confidence, evidence)
    }
    let belowPct = -StrategyMath.percentChange(from: resistance, to: candle.close)
    return sell(StrategyMath.grade(belowPct, full: fullStrengthPct), confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict = signal.action == .sell ? "rejected" : "no rejection"
      return
        "\(verdict): high \(ReasonText.price(e.secondary)), close \(ReasonText.price(e.primary)) vs R1 \(ReasonText.price(e.reference))"
    }
  }
}

/// P9–P11 — the close crosses a pivot level between the previous candle and this one.
///
/// P9 BUYs a cross up through R1, P10 SELLs a cross down through S1, P11 follows a cross of the
/// pivot point P either way. Evidence: close, level, previous close.
public struct PivotCrossStrategy: Strategy {
  /// Which pivot level is watched.
  public enum Level: Hashable, Sendable, CaseIterable {
    /// P9: BUY when the close breaks up through resistance R1.
    case resistance1
    /// P10: SELL when the close breaks down through support S1.
    case support1
    /// P11: BUY/SELL when the close crosses the pivot point P up/down.
    case pivot
  }

  /// The watched level.
  public let level: Level
  /// Close beyond the level, percent, at which strength reaches 1.
  public var fullStrengthPct = 1.0
  /// Confidence of a cross, 0–1.
  public var confidence = 0.5

  /// The strategy for `level` with default parameters (P11 trusts its crosses less: 0.4).
  public init(_ level: Level) {
    self.level = level
    if level == .pivot { confidence = 0.4 }
  }

  public var id: StrategyID {
    switch level {
    case .resistance1: StrategyID(9)
    case .support1: StrategyID(10)
    case .pivot: StrategyID(11)
    }
  }

  public var name: String {
    switch level {
    case .resistance1: "Pivot R1 resistance break"
    case .support1: "Pivot S1 support break"
    case .pivot: "Pivot point cross"
    }
  }

  private var levelName: String {
    switch level {
    case .resistance1: "R1"
    case .support1: "S1"
    case .pivot: "pivot P"
    }
  }

  public var rule: String {
    switch level {
    case .resistance1: "BUY when the close crosses up through pivot resistance R1"
    case .support1: "SELL when the close crosses down through pivot support S1"
    case .pivot: "BUY when the close crosses up through the pivot point P, SELL when it crosses down"
    }
  }

  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "close beyond the level giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    let price: Double
    switch level {
    case .resistance1:
      guard let value = context.snapshot.resistance1 else {
        return missing("pivot R1 unavailable (pivot block warming up)")
      }
      price = value
    case .support1:
      guard let value = context.snapshot.support1 else {
        return missing("pivot S1 unavailable (pivot block warming up)")
      }
      price = value
    case .pivot:
      guard let value = context.snapshot.pivot else {
        return missing("pivot point unavailable (pivot block warming up)")
      }
      price = value
    }
    guard let previousClose = context.previousClose else { return missing("previous close unavailable") }
    let evidence = SignalEvidence(context.close, price, previousClose)
    var direction = StrategyMath.cross(previousSpread: previousClose - price, spread: context.close - price)
    if level == .resistance1, direction < 0 { direction = 0 }
    if level == .support1, direction > 0 { direction = 0 }
    let distancePct = abs(StrategyMath.percentChange(from: price, to: context.close))
    return signal(
      direction: direction, strength: StrategyMath.grade(distancePct, full: fullStrengthPct),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let move: String
      switch signal.action {
      case .buy: move = "crossed up through"
      case .sell: move = "crossed down through"
      case .hold: move = "did not cross"
      }
      return
        "close \(ReasonText.price(e.secondary)) → \(ReasonText.price(e.primary)) \(move) \(levelName) \(ReasonText.price(e.reference))"
    }
  }
}
