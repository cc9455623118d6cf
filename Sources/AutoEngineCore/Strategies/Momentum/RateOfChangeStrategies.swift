// Momentum strategies P57–P60: ROC(10) level, zero crosses and acceleration, and exhaustion
// after an extreme hourly move.

/// P57 — momentum acceleration: ROC(10) positive and rising by ≥ `minChangePct` points in one
/// candle BUYs; negative and falling SELLs.
///
/// Evidence: ROC now, ROC before, change in percentage points.
public struct MomentumAccelerationStrategy: Strategy {
  /// Smallest one-candle ROC change, percentage points.
  public var minChangePct = 0.5
  /// Change at which strength reaches 1, percentage points.
  public var fullStrengthPct = 2.0
  /// Confidence of an acceleration, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(57) }
  public var name: String { "Momentum acceleration" }
  public var rule: String {
    let t = ReasonText.fixed(minChangePct, 1)
    return "BUY when ROC(10) > 0 and rises ≥ \(t) points in one candle, SELL when ROC(10) < 0 and falls ≥ \(t) points"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minChangePct", minChangePct, unit: "percentage points", "smallest one-candle ROC change"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "percentage points", "change giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of an acceleration"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let roc = context.snapshot.roc10, let previousROC = context.previous.roc10 else {
      return missing("ROC(10) warming up")
    }
    let change = roc - previousROC
    let evidence = SignalEvidence(roc, previousROC, change)
    let strength = StrategyMath.grade(abs(change), full: fullStrengthPct)
    if roc > 0, change >= minChangePct { return buy(strength, confidence: confidence, evidence) }
    if roc < 0, change <= -minChangePct { return sell(strength, confidence: confidence, evidence) }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict = signal.action == .hold ? "no acceleration" : "accelerating"
      return "\(verdict): ROC(10) \(ReasonText.signedPercent(e.reference)) → \(ReasonText.signedPercent(e.primary)) "
        + "(\(ReasonText.signed(e.secondary)) points)"
    }
  }
}

/// P58 — rate of change: ROC(10) ≥ `thresholdPct` BUYs, ≤ −`thresholdPct` SELLs.
///
/// Evidence: ROC in percent, threshold.
public struct RateOfChangeStrategy: Strategy {
  /// 10-candle change that fires, percent.
  public var thresholdPct = 3.0
  /// Change beyond the threshold at which strength reaches 1, percent.
  public var fullStrengthPct = 5.0
  /// Confidence of a ROC reading, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(58) }
  public var name: String { "Rate of change (10)" }
  public var rule: String {
    let t = ReasonText.fixed(thresholdPct, 1)
    return "BUY when ROC(10) ≥ \(t) %, SELL when ROC(10) ≤ -\(t) %"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("thresholdPct", thresholdPct, unit: "%", "10-candle change that fires"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "change beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a ROC reading"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let roc = context.snapshot.roc10 else { return missing("ROC(10) warming up") }
    let evidence = SignalEvidence(roc, thresholdPct)
    guard abs(roc) >= thresholdPct else { return hold(confidence: confidence, evidence) }
    return signal(
      direction: roc, strength: StrategyMath.grade(abs(roc) - thresholdPct, full: fullStrengthPct),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let comparison = signal.action == .hold ? "within ±" : "beyond ±"
      return "ROC(10) \(ReasonText.signedPercent(e.primary)) \(comparison)\(ReasonText.percent(e.reference, 1))"
    }
  }
}

/// P59 — ROC(10) crosses zero: up BUYs, down SELLs.
///
/// Evidence: ROC now, ROC before.
public struct RateOfChangeZeroCrossStrategy: Strategy {
  /// |ROC| after the cross at which strength reaches 1, percent.
  public var fullStrengthPct = 1.0
  /// Confidence of a zero cross, 0–1.
  public var confidence = 0.35

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(59) }
  public var name: String { "ROC zero cross" }
  public var rule: String { "BUY when ROC(10) crosses above zero, SELL when it crosses below" }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "|ROC| giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a zero cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let roc = context.snapshot.roc10, let previousROC = context.previous.roc10 else {
      return missing("ROC(10) warming up")
    }
    let direction = StrategyMath.cross(previousSpread: previousROC, spread: roc)
    return signal(
      direction: direction, strength: StrategyMath.grade(abs(roc), full: fullStrengthPct),
      confidence: confidence, SignalEvidence(roc, previousROC))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let move =
        signal.action == .buy ? "crossed above zero" : (signal.action == .sell ? "crossed below zero" : "no zero cross")
      return "ROC(10) \(ReasonText.signedPercent(e.reference)) → \(ReasonText.signedPercent(e.primary)): \(move)"
    }
  }
}

/// P60 — momentum exhaustion: after an extreme hourly move the 5-minute move turns against it.
///
/// 1 h momentum ≤ −`extremePct` with 5 m momentum ≥ +`minTurnPct` BUYs (bounce after a crash);
/// the mirror image SELLs. Evidence: 1 h momentum, 5 m momentum.
public struct MomentumExhaustionStrategy: Strategy {
  /// Hourly move that counts as extreme, percent.
  public var extremePct = 5.0
  /// Smallest 5 m counter-move, percent.
  public var minTurnPct = 0.2
  /// Hourly move beyond the extreme at which strength reaches 1, percent.
  public var fullStrengthPct = 5.0
  /// Confidence of an exhaustion reading, 0–1.
  public var confidence = 0.35

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(60) }
  public var name: String { "Momentum exhaustion reversal" }
  public var rule: String {
    let extreme = ReasonText.fixed(extremePct, 1)
    return "BUY when 1h momentum ≤ -\(extreme) % and 5m momentum turns ≥ +\(ReasonText.fixed(minTurnPct, 1)) %, "
      + "SELL when 1h ≥ +\(extreme) % and 5m turns down"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("extremePct", extremePct, unit: "%", "hourly move that counts as extreme"),
      StrategyParameter("minTurnPct", minTurnPct, unit: "%", "smallest 5m counter-move"),
      StrategyParameter(
        "fullStrengthPct", fullStrengthPct, unit: "%", "hourly move beyond the extreme giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of an exhaustion reading"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let long = context.snapshot.momentum1hPct else { return missing("1h momentum unavailable") }
    guard let short = context.snapshot.momentum5mPct else { return missing("5m momentum unavailable") }
    let evidence = SignalEvidence(long, short)
    let strength = StrategyMath.grade(abs(long) - extremePct, full: fullStrengthPct)
    if long <= -extremePct, short >= minTurnPct { return buy(strength, confidence: confidence, evidence) }
    if long >= extremePct, short <= -minTurnPct { return sell(strength, confidence: confidence, evidence) }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict =
        signal.action == .buy
        ? "bounce after a crash" : (signal.action == .sell ? "fade after a spike" : "no exhaustion")
      return "\(verdict): 1h \(ReasonText.signedPercent(e.primary)) (extreme ±\(ReasonText.fixed(extremePct, 1)) %), "
        + "5m \(ReasonText.signedPercent(e.reference))"
    }
  }
}
