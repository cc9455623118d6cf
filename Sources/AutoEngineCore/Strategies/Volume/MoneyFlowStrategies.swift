// Volume strategies P32–P33: the money flow index (volume-weighted RSI).

/// P32 — MFI(14) oversold (≤ `oversold`) BUYs, overbought (≥ `overbought`) SELLs.
///
/// Evidence: MFI, the crossed level.
public struct MFIExtremesStrategy: Strategy {
  /// MFI at or below which the coin is oversold, 0–100.
  public var oversold = 20.0
  /// MFI at or above which the coin is overbought, 0–100.
  public var overbought = 80.0
  /// Confidence of an extreme reading, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(32) }
  public var name: String { "MFI oversold / overbought" }
  public var rule: String {
    "BUY when MFI(14) ≤ \(ReasonText.fixed(oversold, 0)), SELL when MFI(14) ≥ \(ReasonText.fixed(overbought, 0))"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("oversold", oversold, unit: "MFI points", "oversold level"),
      StrategyParameter("overbought", overbought, unit: "MFI points", "overbought level"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of an extreme reading"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let mfi = context.snapshot.mfi14 else { return missing("MFI(14) warming up") }
    if mfi <= oversold {
      return buy(
        StrategyMath.grade(oversold - mfi, full: oversold), confidence: confidence, SignalEvidence(mfi, oversold))
    }
    if mfi >= overbought {
      return sell(
        StrategyMath.grade(mfi - overbought, full: 100 - overbought), confidence: confidence,
        SignalEvidence(mfi, overbought))
    }
    return hold(confidence: confidence, SignalEvidence(mfi, mfi < 50 ? oversold : overbought))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      switch signal.action {
      case .buy: "MFI \(ReasonText.fixed(e.primary, 1)) ≤ \(ReasonText.fixed(e.reference, 0)) (oversold)"
      case .sell: "MFI \(ReasonText.fixed(e.primary, 1)) ≥ \(ReasonText.fixed(e.reference, 0)) (overbought)"
      case .hold:
        "MFI \(ReasonText.fixed(e.primary, 1)) between \(ReasonText.fixed(oversold, 0)) and \(ReasonText.fixed(overbought, 0))"
      }
    }
  }
}

/// P33 — MFI(14) leaves an extreme zone: crossing up through `oversold` BUYs, crossing down
/// through `overbought` SELLs.
///
/// Evidence: MFI now, the crossed level, MFI before.
public struct MFIZoneExitStrategy: Strategy {
  /// Oversold level, 0–100.
  public var oversold = 20.0
  /// Overbought level, 0–100.
  public var overbought = 80.0
  /// One-candle MFI change, points, at which strength reaches 1.
  public var fullStrengthPoints = 10.0
  /// Confidence of a zone exit, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(33) }
  public var name: String { "MFI exit from extreme" }
  public var rule: String {
    "BUY when MFI(14) crosses up through \(ReasonText.fixed(oversold, 0)), SELL when it crosses down through \(ReasonText.fixed(overbought, 0))"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("oversold", oversold, unit: "MFI points", "oversold level"),
      StrategyParameter("overbought", overbought, unit: "MFI points", "overbought level"),
      StrategyParameter(
        "fullStrengthPoints", fullStrengthPoints, unit: "MFI points", "one-candle change giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a zone exit"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let mfi = context.snapshot.mfi14, let previousMFI = context.previous.mfi14 else {
      return missing("MFI(14) warming up")
    }
    let strength = StrategyMath.grade(abs(mfi - previousMFI), full: fullStrengthPoints)
    if previousMFI <= oversold, mfi > oversold {
      return buy(strength, confidence: confidence, SignalEvidence(mfi, oversold, previousMFI))
    }
    if previousMFI >= overbought, mfi < overbought {
      return sell(strength, confidence: confidence, SignalEvidence(mfi, overbought, previousMFI))
    }
    return hold(confidence: confidence, SignalEvidence(mfi, mfi < 50 ? oversold : overbought, previousMFI))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let move =
        signal.action == .buy
        ? "crossed up through" : (signal.action == .sell ? "crossed down through" : "did not leave a zone at")
      return
        "MFI \(ReasonText.fixed(e.secondary, 1)) → \(ReasonText.fixed(e.primary, 1)) \(move) \(ReasonText.fixed(e.reference, 0))"
    }
  }
}
