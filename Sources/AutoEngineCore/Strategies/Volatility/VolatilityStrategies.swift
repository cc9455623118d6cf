// Volatility strategies P61 and P63–P65: Bollinger breakouts, ATR expansion bars, the volatility
// regime and %B mean reversion (the P62 squeeze breakout is in SqueezeBreakoutStrategy.swift).

/// P61 — high-volatility breakout: the close leaves the Bollinger(20, 2) bands while they widen.
///
/// Close above the upper band with the band width growing BUYs; below the lower band SELLs.
/// Evidence: close, the broken band, band width in percent.
public struct BollingerBreakoutStrategy: Strategy {
  /// Distance beyond the band, in band widths, at which strength reaches 1.
  public var fullStrengthWidths = 0.25
  /// Confidence of a breakout, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(61) }
  public var name: String { "Bollinger band breakout" }
  public var rule: String {
    "BUY when the close is above the upper Bollinger(20,2) band while the bands widen, SELL below the lower band"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter(
        "fullStrengthWidths", fullStrengthWidths, unit: "band widths", "distance beyond the band giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a breakout"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let upper = context.snapshot.bbUpper, let lower = context.snapshot.bbLower else {
      return missing("Bollinger(20,2) bands warming up")
    }
    guard let width = context.snapshot.bbWidthPct, let previousWidth = context.previous.bbWidthPct else {
      return missing("Bollinger band width warming up")
    }
    let close = context.close
    let bandWidth = upper - lower
    let widening = width > previousWidth
    if close > upper, widening {
      let strength = StrategyMath.grade(StrategyMath.ratio(close - upper, bandWidth), full: fullStrengthWidths)
      return buy(strength, confidence: confidence, SignalEvidence(close, upper, width))
    }
    if close < lower, widening {
      let strength = StrategyMath.grade(StrategyMath.ratio(lower - close, bandWidth), full: fullStrengthWidths)
      return sell(strength, confidence: confidence, SignalEvidence(close, lower, width))
    }
    return hold(confidence: confidence, SignalEvidence(close, close >= (upper + lower) / 2 ? upper : lower, width))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      switch signal.action {
      case .buy:
        "close \(ReasonText.price(e.primary)) above the upper band \(ReasonText.price(e.reference)), width \(ReasonText.percent(e.secondary)) and widening"
      case .sell:
        "close \(ReasonText.price(e.primary)) below the lower band \(ReasonText.price(e.reference)), width \(ReasonText.percent(e.secondary)) and widening"
      case .hold:
        "no band breakout: close \(ReasonText.price(e.primary)), nearest band \(ReasonText.price(e.reference)), width \(ReasonText.percent(e.secondary))"
      }
    }
  }
}

/// P63 — ATR expansion bar: a candle whose true range is ≥ `minRatio` × the prior ATR(14),
/// closing in the top third of its range, BUYs; closing in the bottom third SELLs.
///
/// Evidence: true range / prior ATR, close location in percent of the range.
public struct ATRExpansionStrategy: Strategy {
  /// Smallest true range, multiple of the ATR before this candle.
  public var minRatio = 2.0
  /// Ratio beyond the threshold at which strength reaches 1.
  public var fullStrengthRatio = 2.0
  /// Confidence of an expansion bar, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(63) }
  public var name: String { "ATR expansion bar" }
  public var rule: String {
    "BUY when the true range ≥ \(ReasonText.fixed(minRatio, 1)) × prior ATR(14) and the close is in the top third of the range, SELL in the bottom third"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minRatio", minRatio, unit: "× ATR", "smallest true range"),
      StrategyParameter(
        "fullStrengthRatio", fullStrengthRatio, unit: "× ATR", "ratio beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of an expansion bar"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let atr = context.previous.atr14 else { return missing("ATR(14) warming up") }
    guard let previousClose = context.previousClose else { return missing("previous close unavailable") }
    let candle = context.candle
    let trueRange = max(candle.high - candle.low, abs(candle.high - previousClose), abs(candle.low - previousClose))
    let ratio = StrategyMath.ratio(trueRange, atr)
    let range = candle.high - candle.low
    let location = range > 0 ? (candle.close - candle.low) / range : 0.5
    let evidence = SignalEvidence(ratio, location * 100)
    guard atr > 0, ratio >= minRatio else { return hold(confidence: confidence, evidence) }
    let strength = StrategyMath.grade(ratio - minRatio, full: fullStrengthRatio)
    if location >= 2.0 / 3 { return buy(strength, confidence: confidence, evidence) }
    if location <= 1.0 / 3 { return sell(strength, confidence: confidence, evidence) }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict =
        signal.action == .buy
        ? "expansion up" : (signal.action == .sell ? "expansion down" : "no directional expansion")
      return
        "\(verdict): true range \(ReasonText.fixed(e.primary))× ATR (threshold \(ReasonText.fixed(minRatio, 1))×), "
        + "close at \(ReasonText.percent(e.reference, 0)) of the range"
    }
  }
}

/// P64 — volatility regime: when realised volatility(20) runs ≥ `minRatio` × volatility(100),
/// follow the 20-candle trend (BUY rising, SELL falling).
///
/// Evidence: volatility ratio, trend slope in percent per candle.
public struct VolatilityRegimeStrategy: Strategy {
  /// Smallest volatility(20) / volatility(100) ratio of a high-volatility regime.
  public var minRatio = 1.5
  /// Smallest |slope| that sets the direction, percent per candle.
  public var minSlopePct = 0.05
  /// Ratio beyond the threshold at which strength reaches 1.
  public var fullStrengthRatio = 1.5
  /// Confidence of a regime reading, 0–1.
  public var confidence = 0.35

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(64) }
  public var name: String { "Volatility regime 20 vs 100" }
  public var rule: String {
    "BUY when volatility(20) ≥ \(ReasonText.fixed(minRatio, 1))× volatility(100) and the 20-candle slope ≥ "
      + "\(ReasonText.fixed(minSlopePct)) %/candle, SELL when the slope ≤ -\(ReasonText.fixed(minSlopePct)) %/candle"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minRatio", minRatio, unit: "× volatility(100)", "ratio of a high-volatility regime"),
      StrategyParameter("minSlopePct", minSlopePct, unit: "%/candle", "slope that sets the direction"),
      StrategyParameter(
        "fullStrengthRatio", fullStrengthRatio, unit: "× volatility(100)",
        "ratio beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a regime reading"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let shortVolatility = context.snapshot.volatility20Pct else {
      return missing("realised volatility(20) warming up")
    }
    guard let longVolatility = context.snapshot.volatility100Pct else {
      return missing("realised volatility(100) warming up")
    }
    guard let slope = context.snapshot.trendSlope20Pct else { return missing("20-candle trend slope warming up") }
    let ratio = StrategyMath.ratio(shortVolatility, longVolatility)
    let evidence = SignalEvidence(ratio, slope)
    guard longVolatility > 0, ratio >= minRatio, abs(slope) >= minSlopePct else {
      return hold(confidence: confidence, evidence)
    }
    return signal(
      direction: slope, strength: StrategyMath.grade(ratio - minRatio, full: fullStrengthRatio),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let regime = e.primary >= minRatio ? "high-volatility regime" : "normal volatility"
      return "\(regime): volatility ratio \(ReasonText.fixed(e.primary)) (threshold \(ReasonText.fixed(minRatio, 1))), "
        + "slope \(ReasonText.signed(e.reference, 3)) %/candle"
    }
  }
}

/// P65 — Bollinger %B mean reversion while the bands are not widening.
///
/// %B ≤ `lowerPercentB` BUYs, %B ≥ `upperPercentB` SELLs, unless the band width grew this candle
/// (then P61's breakout reading applies). Evidence: %B, band width, previous band width (percent).
public struct PercentBReversionStrategy: Strategy {
  /// %B at or below which the close is stretched low.
  public var lowerPercentB = 0.05
  /// %B at or above which the close is stretched high.
  public var upperPercentB = 0.95
  /// %B beyond the level at which strength reaches 1.
  public var fullStrength = 0.3
  /// Confidence of a reversion reading, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(65) }
  public var name: String { "Bollinger %B mean reversion" }
  public var rule: String {
    "BUY when %B ≤ \(ReasonText.fixed(lowerPercentB)), SELL when %B ≥ \(ReasonText.fixed(upperPercentB)), while the bands are not widening"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("lowerPercentB", lowerPercentB, unit: "%B", "low stretch level"),
      StrategyParameter("upperPercentB", upperPercentB, unit: "%B", "high stretch level"),
      StrategyParameter("fullStrength", fullStrength, unit: "%B", "%B beyond the level giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a reversion reading"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let percentB = context.snapshot.bbPercentB else {
      return missing("Bollinger %B unavailable (warming up or zero-width bands)")
    }
    guard let width = context.snapshot.bbWidthPct, let previousWidth = context.previous.bbWidthPct else {
      return missing("Bollinger band width warming up")
    }
    let evidence = SignalEvidence(percentB, width, previousWidth)
    guard width <= previousWidth else { return hold(confidence: confidence, evidence) }
    if percentB <= lowerPercentB {
      return buy(StrategyMath.grade(lowerPercentB - percentB, full: fullStrength), confidence: confidence, evidence)
    }
    if percentB >= upperPercentB {
      return sell(StrategyMath.grade(percentB - upperPercentB, full: fullStrength), confidence: confidence, evidence)
    }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let width = "band width \(ReasonText.percent(e.secondary)) → \(ReasonText.percent(e.reference))"
      switch signal.action {
      case .buy: return "%B \(ReasonText.fixed(e.primary)) ≤ \(ReasonText.fixed(lowerPercentB)), \(width)"
      case .sell: return "%B \(ReasonText.fixed(e.primary)) ≥ \(ReasonText.fixed(upperPercentB)), \(width)"
      case .hold: return "no reversion: %B \(ReasonText.fixed(e.primary)), \(width)"
      }
    }
  }
}
