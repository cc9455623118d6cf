// Price strategies P12–P16 and P20: trend reversals, trend position and stretch from the mean.

/// P12 — counter-trend reversal: the close crosses EMA 21 against the EMA 21 / SMA 50 trend.
///
/// In a downtrend (EMA 21 below SMA 50) a cross up through EMA 21 BUYs; in an uptrend a cross
/// down SELLs. Evidence: close, EMA 21, SMA 50.
public struct TrendReversalStrategy: Strategy {
  /// Distance of the close from EMA 21, percent, at which strength reaches 1.
  public var fullStrengthPct = 1.0
  /// Confidence of a reversal cross, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(12) }
  public var name: String { "Trend reversal through EMA 21" }
  public var rule: String {
    "BUY when the close crosses above EMA 21 while EMA 21 < SMA 50, SELL when it crosses below while EMA 21 > SMA 50"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "distance from EMA 21 giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a reversal cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let ema21 = context.snapshot.ema21, let previousEMA21 = context.previous.ema21 else {
      return missing("EMA(21) warming up")
    }
    guard let sma50 = context.snapshot.sma50 else { return missing("SMA(50) warming up") }
    guard let previousClose = context.previousClose else { return missing("previous close unavailable") }
    let evidence = SignalEvidence(context.close, ema21, sma50)
    var direction = StrategyMath.cross(
      previousSpread: previousClose - previousEMA21, spread: context.close - ema21)
    if direction > 0, ema21 >= sma50 { direction = 0 }  // a cross up in an uptrend is no reversal
    if direction < 0, ema21 <= sma50 { direction = 0 }
    let distancePct = abs(StrategyMath.percentChange(from: ema21, to: context.close))
    return signal(
      direction: direction, strength: StrategyMath.grade(distancePct, full: fullStrengthPct),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let trend = e.reference < e.secondary ? "downtrend" : "uptrend"
      let move: String
      switch signal.action {
      case .buy: move = "crossed above"
      case .sell: move = "crossed below"
      case .hold: move = "no counter-trend cross of"
      }
      return "close \(ReasonText.price(e.primary)) \(move) EMA21 \(ReasonText.price(e.reference)) "
        + "in a \(trend) (SMA50 \(ReasonText.price(e.secondary)))"
    }
  }
}

/// P13 — the 20-candle regression slope changes sign: BUY when it turns up, SELL when it turns down.
///
/// Evidence: slope now, slope before (percent of the close per candle).
public struct TrendSlopeReversalStrategy: Strategy {
  /// Change of slope, percentage points per candle, at which strength reaches 1.
  public var fullStrengthPct = 0.2
  /// Confidence of a slope reversal, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(13) }
  public var name: String { "Regression slope reversal" }
  public var rule: String { "BUY when the 20-candle regression slope turns positive, SELL when it turns negative" }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%/candle", "slope change giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a slope reversal"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let slope = context.snapshot.trendSlope20Pct, let previousSlope = context.previous.trendSlope20Pct else {
      return missing("20-candle trend slope warming up")
    }
    let evidence = SignalEvidence(slope, previousSlope)
    let direction = StrategyMath.cross(previousSpread: previousSlope, spread: slope)
    return signal(
      direction: direction, strength: StrategyMath.grade(abs(slope - previousSlope), full: fullStrengthPct),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      "20-candle slope \(ReasonText.signed(e.secondary, 3)) → \(ReasonText.signed(e.primary, 3)) %/candle"
        + (signal.action == .hold ? " (no sign change)" : "")
    }
  }
}

/// P14 — trend position: close > SMA 50 > SMA 200 BUYs, close < SMA 50 < SMA 200 SELLs.
///
/// A regime signal that holds as long as the stack does. Evidence: close, SMA 50, SMA 200.
public struct MovingAverageStackStrategy: Strategy {
  /// SMA 50 / SMA 200 spread, percent, at which strength reaches 1.
  public var fullStrengthPct = 5.0
  /// Confidence of the stack, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(14) }
  public var name: String { "SMA 50/200 trend position" }
  public var rule: String { "BUY when close > SMA 50 > SMA 200, SELL when close < SMA 50 < SMA 200" }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "SMA 50 / SMA 200 spread giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of the stack"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let sma50 = context.snapshot.sma50 else { return missing("SMA(50) warming up") }
    guard let sma200 = context.snapshot.sma200 else { return missing("SMA(200) warming up") }
    let close = context.close
    let evidence = SignalEvidence(close, sma50, sma200)
    let direction: Double = close > sma50 && sma50 > sma200 ? 1 : (close < sma50 && sma50 < sma200 ? -1 : 0)
    let spreadPct = abs(StrategyMath.percentChange(from: sma200, to: sma50))
    return signal(
      direction: direction, strength: StrategyMath.grade(spreadPct, full: fullStrengthPct),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let order: String
      switch signal.action {
      case .buy: order = ">"
      case .sell: order = "<"
      case .hold: order = "not stacked vs"
      }
      return
        "close \(ReasonText.price(e.primary)) \(order) SMA50 \(ReasonText.price(e.reference)) \(order) SMA200 \(ReasonText.price(e.secondary))"
    }
  }
}

/// P15 — EMA ribbon: close > EMA 9 > EMA 21 > EMA 50 BUYs, the reverse order SELLs.
///
/// Evidence: EMA 9, EMA 21, EMA 50.
public struct EMARibbonStrategy: Strategy {
  /// EMA 9 / EMA 50 spread, percent, at which strength reaches 1.
  public var fullStrengthPct = 2.0
  /// Confidence of an aligned ribbon, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(15) }
  public var name: String { "EMA 9/21/50 ribbon alignment" }
  public var rule: String { "BUY when close > EMA 9 > EMA 21 > EMA 50, SELL when close < EMA 9 < EMA 21 < EMA 50" }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "EMA 9 / EMA 50 spread giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of an aligned ribbon"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let ema9 = context.snapshot.ema9 else { return missing("EMA(9) warming up") }
    guard let ema21 = context.snapshot.ema21 else { return missing("EMA(21) warming up") }
    guard let ema50 = context.snapshot.ema50 else { return missing("EMA(50) warming up") }
    let close = context.close
    let evidence = SignalEvidence(ema9, ema21, ema50)
    let rising = close > ema9 && ema9 > ema21 && ema21 > ema50
    let falling = close < ema9 && ema9 < ema21 && ema21 < ema50
    let spreadPct = abs(StrategyMath.percentChange(from: ema50, to: ema9))
    return signal(
      direction: rising ? 1 : (falling ? -1 : 0), strength: StrategyMath.grade(spreadPct, full: fullStrengthPct),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let state = signal.action == .buy ? "rising" : (signal.action == .sell ? "falling" : "mixed")
      return "EMA ribbon \(state): EMA9 \(ReasonText.price(e.primary)), EMA21 \(ReasonText.price(e.reference)), "
        + "EMA50 \(ReasonText.price(e.secondary))"
    }
  }
}

/// P16 — the close crosses SMA 20: BUY up, SELL down.
///
/// Evidence: close, SMA 20, previous close.
public struct SMA20CrossStrategy: Strategy {
  /// Distance of the close from SMA 20, percent, at which strength reaches 1.
  public var fullStrengthPct = 1.0
  /// Confidence of a cross, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(16) }
  public var name: String { "Close crosses SMA 20" }
  public var rule: String { "BUY when the close crosses above SMA 20, SELL when it crosses below" }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "distance from SMA 20 giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    closeCross(
      context, level: context.snapshot.sma20, previousLevel: context.previous.sma20, warmingUp: "SMA(20) warming up",
      fullStrengthPct: fullStrengthPct, confidence: confidence)
  }

  public func reason(for signal: Signal) -> String { closeCrossReason(signal, levelLabel: "SMA20") }
}

/// P20 — mean reversion when the close is stretched far from SMA 50, measured in ATRs.
///
/// BUY when `(close − SMA 50) / ATR(14) ≤ −threshold`, SELL when `≥ +threshold`.
/// Evidence: stretch in ATRs, close, SMA 50.
public struct MeanStretchStrategy: Strategy {
  /// Stretch that fires, in ATR(14) units.
  public var thresholdATR = 3.0
  /// Stretch beyond the threshold, in ATRs, at which strength reaches 1.
  public var fullStrengthATR = 2.0
  /// Confidence of a stretch reading, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(20) }
  public var name: String { "Stretch from SMA 50" }
  public var rule: String {
    let t = ReasonText.fixed(thresholdATR)
    return "BUY when the close is ≥ \(t) × ATR(14) below SMA 50, SELL when ≥ \(t) × ATR(14) above"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("thresholdATR", thresholdATR, unit: "× ATR", "stretch that fires"),
      StrategyParameter(
        "fullStrengthATR", fullStrengthATR, unit: "× ATR", "stretch beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a stretch reading"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let sma50 = context.snapshot.sma50 else { return missing("SMA(50) warming up") }
    guard let atr = context.snapshot.atr14 else { return missing("ATR(14) warming up") }
    let stretch = StrategyMath.ratio(context.close - sma50, atr)
    let evidence = SignalEvidence(stretch, context.close, sma50)
    guard atr > 0, abs(stretch) >= thresholdATR else { return hold(confidence: confidence, evidence) }
    return signal(
      direction: -stretch, strength: StrategyMath.grade(abs(stretch) - thresholdATR, full: fullStrengthATR),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      "close \(ReasonText.price(e.reference)) is \(ReasonText.signed(e.primary)) × ATR(14) from SMA50 "
        + "\(ReasonText.price(e.secondary)) (threshold ±\(ReasonText.fixed(thresholdATR)))"
    }
  }
}
