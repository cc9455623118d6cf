// Technical strategies P36, P37 and P45–P47: RSI, stochastic, CCI and Williams %R.

/// P36 — RSI(14) below `oversold` BUYs, above `overbought` SELLs.
///
/// Evidence: RSI, the crossed level.
public struct RSIExtremesStrategy: Strategy {
  /// RSI below which the coin is oversold, 0–100.
  public var oversold = 30.0
  /// RSI above which the coin is overbought, 0–100.
  public var overbought = 70.0
  /// Distance beyond the level, RSI points, at which strength reaches 1.
  public var fullStrengthPoints = 20.0
  /// Confidence of an extreme reading, 0–1.
  public var confidence = 0.55

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(36) }
  public var name: String { "RSI oversold / overbought" }
  public var rule: String {
    "BUY when RSI(14) < \(ReasonText.fixed(oversold, 0)), SELL when RSI(14) > \(ReasonText.fixed(overbought, 0))"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("oversold", oversold, unit: "RSI points", "oversold level"),
      StrategyParameter("overbought", overbought, unit: "RSI points", "overbought level"),
      StrategyParameter(
        "fullStrengthPoints", fullStrengthPoints, unit: "RSI points", "distance beyond the level giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of an extreme reading"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let rsi = context.snapshot.rsi14 else { return missing("RSI(14) warming up") }
    if rsi < oversold {
      return buy(
        StrategyMath.grade(oversold - rsi, full: fullStrengthPoints), confidence: confidence,
        SignalEvidence(rsi, oversold))
    }
    if rsi > overbought {
      return sell(
        StrategyMath.grade(rsi - overbought, full: fullStrengthPoints), confidence: confidence,
        SignalEvidence(rsi, overbought))
    }
    return hold(confidence: confidence, SignalEvidence(rsi, rsi < 50 ? oversold : overbought))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      switch signal.action {
      case .buy: "RSI \(ReasonText.fixed(e.primary, 1)) < \(ReasonText.fixed(e.reference, 0)) (oversold)"
      case .sell: "RSI \(ReasonText.fixed(e.primary, 1)) > \(ReasonText.fixed(e.reference, 0)) (overbought)"
      case .hold:
        "RSI \(ReasonText.fixed(e.primary, 1)) between \(ReasonText.fixed(oversold, 0)) and \(ReasonText.fixed(overbought, 0))"
      }
    }
  }
}

/// P37 — RSI(14) crosses its midline: up through `midline` BUYs, down SELLs.
///
/// Evidence: RSI now, midline, RSI before.
public struct RSIMidlineCrossStrategy: Strategy {
  /// The midline, RSI points.
  public var midline = 50.0
  /// Distance from the midline, RSI points, at which strength reaches 1.
  public var fullStrengthPoints = 10.0
  /// Confidence of a cross, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(37) }
  public var name: String { "RSI midline cross" }
  public var rule: String {
    "BUY when RSI(14) crosses up through \(ReasonText.fixed(midline, 0)), SELL when it crosses down through it"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("midline", midline, unit: "RSI points", "the crossed level"),
      StrategyParameter(
        "fullStrengthPoints", fullStrengthPoints, unit: "RSI points", "distance from the midline giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let rsi = context.snapshot.rsi14, let previousRSI = context.previous.rsi14 else {
      return missing("RSI(14) warming up")
    }
    let direction = StrategyMath.cross(previousSpread: previousRSI - midline, spread: rsi - midline)
    return signal(
      direction: direction, strength: StrategyMath.grade(abs(rsi - midline), full: fullStrengthPoints),
      confidence: confidence, SignalEvidence(rsi, midline, previousRSI))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let move =
        signal.action == .buy
        ? "crossed up through" : (signal.action == .sell ? "crossed down through" : "did not cross")
      return
        "RSI \(ReasonText.fixed(e.secondary, 1)) → \(ReasonText.fixed(e.primary, 1)) \(move) \(ReasonText.fixed(e.reference, 0))"
    }
  }
}

/// P45 — stochastic(14, 3, 3) %K crosses %D inside an extreme zone.
///
/// %K crossing above %D while %D ≤ `oversold` BUYs; crossing below while %D ≥ `overbought` SELLs.
/// Evidence: %K, %D, the zone level.
public struct StochasticCrossStrategy: Strategy {
  /// Oversold level of %D, 0–100.
  public var oversold = 20.0
  /// Overbought level of %D, 0–100.
  public var overbought = 80.0
  /// %K − %D gap, points, at which strength reaches 1.
  public var fullStrengthPoints = 5.0
  /// Confidence of a zone cross, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(45) }
  public var name: String { "Stochastic cross in extreme zone" }
  public var rule: String {
    "BUY when %K crosses above %D with %D ≤ \(ReasonText.fixed(oversold, 0)), SELL when %K crosses below %D with %D ≥ \(ReasonText.fixed(overbought, 0))"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("oversold", oversold, unit: "stochastic points", "oversold level of %D"),
      StrategyParameter("overbought", overbought, unit: "stochastic points", "overbought level of %D"),
      StrategyParameter(
        "fullStrengthPoints", fullStrengthPoints, unit: "stochastic points", "%K − %D gap giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a zone cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let k = context.snapshot.stochK, let d = context.snapshot.stochD,
      let previousK = context.previous.stochK, let previousD = context.previous.stochD
    else { return missing("stochastic(14,3,3) warming up") }
    var direction = StrategyMath.cross(previousSpread: previousK - previousD, spread: k - d)
    if direction > 0, d > oversold { direction = 0 }
    if direction < 0, d < overbought { direction = 0 }
    let zone = d < 50 ? oversold : overbought
    return signal(
      direction: direction, strength: StrategyMath.grade(abs(k - d), full: fullStrengthPoints),
      confidence: confidence, SignalEvidence(k, d, zone))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      switch signal.action {
      case .buy:
        "%K \(ReasonText.fixed(e.primary, 1)) crossed above %D \(ReasonText.fixed(e.reference, 1)) ≤ \(ReasonText.fixed(e.secondary, 0))"
      case .sell:
        "%K \(ReasonText.fixed(e.primary, 1)) crossed below %D \(ReasonText.fixed(e.reference, 1)) ≥ \(ReasonText.fixed(e.secondary, 0))"
      case .hold: "no zone cross: %K \(ReasonText.fixed(e.primary, 1)), %D \(ReasonText.fixed(e.reference, 1))"
      }
    }
  }
}

/// P46 — CCI(20) leaves an extreme zone: up through −`level` BUYs, down through +`level` SELLs.
///
/// Evidence: CCI now, the crossed level, CCI before.
public struct CCIZoneExitStrategy: Strategy {
  /// Magnitude of the zone boundary, CCI points.
  public var level = 100.0
  /// One-candle CCI change, points, at which strength reaches 1.
  public var fullStrengthPoints = 50.0
  /// Confidence of a zone exit, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(46) }
  public var name: String { "CCI exit from extreme" }
  public var rule: String {
    let t = ReasonText.fixed(level, 0)
    return "BUY when CCI(20) crosses up through -\(t), SELL when it crosses down through +\(t)"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("level", level, unit: "CCI points", "zone boundary (±)"),
      StrategyParameter(
        "fullStrengthPoints", fullStrengthPoints, unit: "CCI points", "one-candle change giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a zone exit"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let cci = context.snapshot.cci20, let previousCCI = context.previous.cci20 else {
      return missing("CCI(20) warming up")
    }
    let strength = StrategyMath.grade(abs(cci - previousCCI), full: fullStrengthPoints)
    if previousCCI <= -level, cci > -level {
      return buy(strength, confidence: confidence, SignalEvidence(cci, -level, previousCCI))
    }
    if previousCCI >= level, cci < level {
      return sell(strength, confidence: confidence, SignalEvidence(cci, level, previousCCI))
    }
    return hold(confidence: confidence, SignalEvidence(cci, cci < 0 ? -level : level, previousCCI))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let move =
        signal.action == .buy
        ? "crossed up through" : (signal.action == .sell ? "crossed down through" : "did not leave a zone at")
      return
        "CCI \(ReasonText.fixed(e.secondary, 1)) → \(ReasonText.fixed(e.primary, 1)) \(move) \(ReasonText.signed(e.reference, 0))"
    }
  }
}

/// P47 — Williams %R(14) at or below `oversold` BUYs, at or above `overbought` SELLs.
///
/// Evidence: %R, the crossed level.
public struct WilliamsRStrategy: Strategy {
  /// Oversold level, −100–0.
  public var oversold = -80.0
  /// Overbought level, −100–0.
  public var overbought = -20.0
  /// Confidence of an extreme reading, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(47) }
  public var name: String { "Williams %R extremes" }
  public var rule: String {
    "BUY when Williams %R(14) ≤ \(ReasonText.fixed(oversold, 0)), SELL when ≥ \(ReasonText.fixed(overbought, 0))"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("oversold", oversold, unit: "%R points", "oversold level"),
      StrategyParameter("overbought", overbought, unit: "%R points", "overbought level"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of an extreme reading"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let williams = context.snapshot.willR14 else { return missing("Williams %R(14) warming up") }
    if williams <= oversold {
      return buy(
        StrategyMath.grade(oversold - williams, full: oversold + 100), confidence: confidence,
        SignalEvidence(williams, oversold))
    }
    if williams >= overbought {
      return sell(
        StrategyMath.grade(williams - overbought, full: -overbought), confidence: confidence,
        SignalEvidence(williams, overbought))
    }
    return hold(confidence: confidence, SignalEvidence(williams, williams < -50 ? oversold : overbought))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      switch signal.action {
      case .buy: "Williams %R \(ReasonText.fixed(e.primary, 1)) ≤ \(ReasonText.fixed(e.reference, 0)) (oversold)"
      case .sell: "Williams %R \(ReasonText.fixed(e.primary, 1)) ≥ \(ReasonText.fixed(e.reference, 0)) (overbought)"
      case .hold:
        "Williams %R \(ReasonText.fixed(e.primary, 1)) between \(ReasonText.fixed(oversold, 0)) and \(ReasonText.fixed(overbought, 0))"
      }
    }
  }
}
