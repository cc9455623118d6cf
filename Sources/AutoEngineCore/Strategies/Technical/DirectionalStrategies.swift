// Technical strategies P48–P49: Wilder's directional movement (ADX, +DI, −DI).

/// P48 — a strong trend by ADX(14) in the direction of the dominant DI.
///
/// ADX ≥ `minADX` with +DI > −DI BUYs, with −DI > +DI SELLs. Evidence: ADX, +DI, −DI.
public struct ADXTrendStrategy: Strategy {
  /// ADX at or above which the trend counts as strong.
  public var minADX = 25.0
  /// ADX beyond the threshold at which strength reaches 1.
  public var fullStrengthPoints = 25.0
  /// Confidence of a strong-trend reading, 0–1.
  public var confidence = 0.55

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(48) }
  public var name: String { "ADX + DI trend" }
  public var rule: String {
    let t = ReasonText.fixed(minADX, 0)
    return "BUY when ADX(14) ≥ \(t) and +DI > -DI, SELL when ADX(14) ≥ \(t) and -DI > +DI"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minADX", minADX, unit: "ADX points", "trend strength that fires"),
      StrategyParameter(
        "fullStrengthPoints", fullStrengthPoints, unit: "ADX points", "ADX beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a strong trend"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let adx = context.snapshot.adx14 else { return missing("ADX(14) warming up") }
    guard let plusDI = context.snapshot.plusDI14, let minusDI = context.snapshot.minusDI14 else {
      return missing("DI(14) warming up")
    }
    let evidence = SignalEvidence(adx, plusDI, minusDI)
    guard adx >= minADX else { return hold(confidence: confidence, evidence) }
    return signal(
      direction: plusDI - minusDI, strength: StrategyMath.grade(adx - minADX, full: fullStrengthPoints),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict: String
      switch signal.action {
      case .buy: verdict = "strong uptrend"
      case .sell: verdict = "strong downtrend"
      case .hold: verdict = e.primary >= minADX ? "no dominant direction" : "trend too weak"
      }
      return "\(verdict): ADX \(ReasonText.fixed(e.primary, 1)) (threshold \(ReasonText.fixed(minADX, 0))), "
        + "+DI \(ReasonText.fixed(e.reference, 1)), -DI \(ReasonText.fixed(e.secondary, 1))"
    }
  }
}

/// P49 — +DI crosses −DI while ADX shows a trend: +DI up through −DI BUYs, down SELLs.
///
/// Evidence: +DI, −DI, ADX.
public struct DirectionalCrossStrategy: Strategy {
  /// Smallest ADX for a cross to count.
  public var minADX = 20.0
  /// DI spread, points, at which strength reaches 1.
  public var fullStrengthPoints = 10.0
  /// Confidence of a DI cross, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(49) }
  public var name: String { "+DI / -DI cross" }
  public var rule: String {
    "BUY when +DI(14) crosses above -DI(14) with ADX ≥ \(ReasonText.fixed(minADX, 0)), SELL when it crosses below"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minADX", minADX, unit: "ADX points", "smallest ADX for a cross to count"),
      StrategyParameter("fullStrengthPoints", fullStrengthPoints, unit: "DI points", "DI spread giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let plusDI = context.snapshot.plusDI14, let minusDI = context.snapshot.minusDI14,
      let previousPlus = context.previous.plusDI14, let previousMinus = context.previous.minusDI14
    else { return missing("DI(14) warming up") }
    guard let adx = context.snapshot.adx14 else { return missing("ADX(14) warming up") }
    let evidence = SignalEvidence(plusDI, minusDI, adx)
    guard adx >= minADX else { return hold(confidence: confidence, evidence) }
    let direction = StrategyMath.cross(previousSpread: previousPlus - previousMinus, spread: plusDI - minusDI)
    return signal(
      direction: direction, strength: StrategyMath.grade(abs(plusDI - minusDI), full: fullStrengthPoints),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let move =
        signal.action == .buy ? "crossed above" : (signal.action == .sell ? "crossed below" : "no counted cross of")
      return "+DI \(ReasonText.fixed(e.primary, 1)) \(move) -DI \(ReasonText.fixed(e.reference, 1)) "
        + "with ADX \(ReasonText.fixed(e.secondary, 1)) (min \(ReasonText.fixed(minADX, 0)))"
    }
  }
}
