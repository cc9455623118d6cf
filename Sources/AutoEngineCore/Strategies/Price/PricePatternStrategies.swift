// Price strategies P17–P19: gaps and two-candle / one-candle patterns.

/// P17 — the candle opens away from the previous close and holds the gap.
///
/// BUY when it opens ≥ `minGapPct` above the previous close and closes at or above its open;
/// SELL for the mirror image. Crypto trades around the clock, so gaps are rare and mark sudden
/// repricing between candles. Evidence: gap in percent, open, previous close.
public struct GapStrategy: Strategy {
  /// Smallest gap that counts, percent of the previous close.
  public var minGapPct = 0.5
  /// Gap, percent, at which strength reaches 1.
  public var fullStrengthPct = 2.0
  /// Confidence of a held gap, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(17) }
  public var name: String { "Gap up / gap down" }
  public var rule: String {
    let t = ReasonText.fixed(minGapPct)
    return
      "BUY when the open gaps ≥ \(t) % above the previous close and the candle closes ≥ its open; SELL for a held gap down"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minGapPct", minGapPct, unit: "%", "smallest gap"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "gap giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a held gap"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let previous = context.previousCandle else { return missing("previous candle unavailable") }
    let candle = context.candle
    let gapPct = StrategyMath.percentChange(from: previous.close, to: candle.open)
    let evidence = SignalEvidence(gapPct, candle.open, previous.close)
    let strength = StrategyMath.grade(abs(gapPct), full: fullStrengthPct)
    if gapPct >= minGapPct, candle.close >= candle.open {
      return buy(strength, confidence: confidence, evidence)
    }
    if gapPct <= -minGapPct, candle.close <= candle.open {
      return sell(strength, confidence: confidence, evidence)
    }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict = signal.action == .hold ? "no held gap" : (signal.action == .buy ? "gap up held" : "gap down held")
      return "\(verdict): open \(ReasonText.price(e.reference)) vs previous close \(ReasonText.price(e.secondary)) "
        + "(\(ReasonText.signedPercent(e.primary)), threshold \(ReasonText.fixed(minGapPct)) %)"
    }
  }
}

/// P18 — engulfing pattern: the candle's body swallows the previous, opposite-coloured body.
///
/// Bullish engulfing (down candle, then an up candle opening ≤ its close and closing ≥ its open)
/// BUYs; bearish engulfing SELLs. Evidence: body / previous body ratio, body, previous body.
public struct EngulfingStrategy: Strategy {
  /// Body ratio (this body / previous body) above 1 at which strength reaches 1, i.e. strength 1
  /// when the body is `1 + fullStrengthRatio` times the previous one.
  public var fullStrengthRatio = 1.0
  /// Confidence of an engulfing pattern, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(18) }
  public var name: String { "Engulfing pattern" }
  public var rule: String {
    "BUY on a bullish engulfing candle (up body covering the previous down body), SELL on a bearish engulfing candle"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter(
        "fullStrengthRatio", fullStrengthRatio, unit: "× body", "body excess over the previous body giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of the pattern"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let previous = context.previousCandle else { return missing("previous candle unavailable") }
    let candle = context.candle
    let body = abs(candle.close - candle.open)
    let previousBody = abs(previous.close - previous.open)
    let ratio = StrategyMath.ratio(body, previousBody)
    let evidence = SignalEvidence(ratio, body, previousBody)
    guard previousBody > 0, body > previousBody else { return hold(confidence: confidence, evidence) }
    let strength = StrategyMath.grade(ratio - 1, full: fullStrengthRatio)
    let bullish =
      previous.close < previous.open && candle.close > candle.open
      && candle.open <= previous.close && candle.close >= previous.open
    if bullish { return buy(strength, confidence: confidence, evidence) }
    let bearish =
      previous.close > previous.open && candle.close < candle.open
      && candle.open >= previous.close && candle.close <= previous.open
    if bearish { return sell(strength, confidence: confidence, evidence) }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let pattern =
        signal.action == .buy ? "bullish engulfing" : (signal.action == .sell ? "bearish engulfing" : "no engulfing")
      return "\(pattern): body \(ReasonText.price(e.reference)) vs previous body \(ReasonText.price(e.secondary)) "
        + "(\(ReasonText.fixed(e.primary))×)"
    }
  }
}

/// P19 — hammer below SMA 20 BUYs, shooting star above SMA 20 SELLs.
///
/// A hammer has a lower shadow ≥ `shadowShare` of the candle's range, ≥ `bodyMultiple` × its
/// body, and an upper shadow ≤ `oppositeShare` of the range; a shooting star is the mirror image.
/// Closing below (above) SMA 20 stands in for "after a decline (rise)".
/// Evidence: dominant shadow as percent of the range, close, SMA 20.
public struct HammerStrategy: Strategy {
  /// Smallest dominant shadow, fraction of the candle's range.
  public var shadowShare = 0.5
  /// Smallest dominant shadow, multiple of the body.
  public var bodyMultiple = 2.0
  /// Largest opposite shadow, fraction of the range.
  public var oppositeShare = 0.25
  /// Confidence of the pattern, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(19) }
  public var name: String { "Hammer / shooting star" }
  public var rule: String {
    "BUY on a hammer (lower shadow ≥ \(ReasonText.fixed(shadowShare * 100, 0)) % of the range and ≥ "
      + "\(ReasonText.fixed(bodyMultiple, 1))× the body) closing below SMA 20; SELL on a shooting star closing above SMA 20"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("shadowShare", shadowShare, unit: "fraction of range", "smallest dominant shadow"),
      StrategyParameter("bodyMultiple", bodyMultiple, unit: "× body", "smallest dominant shadow relative to the body"),
      StrategyParameter("oppositeShare", oppositeShare, unit: "fraction of range", "largest opposite shadow"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of the pattern"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let sma20 = context.snapshot.sma20 else { return missing("SMA(20) warming up") }
    let candle = context.candle
    let range = candle.high - candle.low
    let body = abs(candle.close - candle.open)
    let lower = min(candle.open, candle.close) - candle.low
    let upper = candle.high - max(candle.open, candle.close)
    guard range > 0 else { return hold(confidence: confidence, SignalEvidence(0, candle.close, sma20)) }
    let lowerShare = lower / range
    let upperShare = upper / range
    let isHammer = lowerShare >= shadowShare && lower >= bodyMultiple * body && upperShare <= oppositeShare
    let isStar = upperShare >= shadowShare && upper >= bodyMultiple * body && lowerShare <= oppositeShare
    if isHammer, candle.close < sma20 {
      let strength = StrategyMath.grade(lowerShare - shadowShare, full: 1 - shadowShare)
      return buy(strength, confidence: confidence, SignalEvidence(lowerShare * 100, candle.close, sma20))
    }
    if isStar, candle.close > sma20 {
      let strength = StrategyMath.grade(upperShare - shadowShare, full: 1 - shadowShare)
      return sell(strength, confidence: confidence, SignalEvidence(upperShare * 100, candle.close, sma20))
    }
    return hold(confidence: confidence, SignalEvidence(max(lowerShare, upperShare) * 100, candle.close, sma20))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      switch signal.action {
      case .buy:
        "hammer: lower shadow \(ReasonText.percent(e.primary, 0)) of the range, close \(ReasonText.price(e.reference)) below SMA20 \(ReasonText.price(e.secondary))"
      case .sell:
        "shooting star: upper shadow \(ReasonText.percent(e.primary, 0)) of the range, close \(ReasonText.price(e.reference)) above SMA20 \(ReasonText.price(e.secondary))"
      case .hold:
        "no hammer or shooting star: longest shadow \(ReasonText.percent(e.primary, 0)) of the range, close \(ReasonText.price(e.reference)), SMA20 \(ReasonText.price(e.secondary))"
      }
    }
  }
}
