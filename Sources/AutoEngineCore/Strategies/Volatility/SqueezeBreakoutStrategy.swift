// Volatility strategy P62: the Bollinger squeeze breakout.

/// P62 — squeeze breakout: after the Bollinger(20, 2) bands were at (or near) their narrowest in
/// 120 candles, the close breaks out of them.
///
/// The squeeze is read before the latest candle, because a breakout candle widens the bands by
/// itself: with W = `previous.bbWidthPct` and Wmin = `previous.bbWidthMin120Pct` (the smallest
/// band width of the 120 candles up to that one), a squeeze is `W ≤ maxWidthRatio × Wmin` — with
/// the default 1.1, a band width within 10 % of its 120-candle minimum (bands of zero width are a
/// squeeze when the minimum is zero too). In a squeeze, a close above that candle's upper band
/// BUYs and a close below its lower band SELLs; strength grows with the distance beyond the band
/// in percent. Evidence: W (percent), Wmin (percent), the broken band (hold: the nearer band).
public struct SqueezeBreakoutStrategy: Strategy {
  /// Largest band width, as a multiple of its 120-candle minimum, that counts as a squeeze (≥ 1).
  public var maxWidthRatio = 1.1
  /// Close beyond the band, percent, at which strength reaches 1.
  public var fullStrengthPct = 1.0
  /// Confidence of a squeeze breakout, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(62) }
  public var name: String { "Low-volatility squeeze breakout" }
  public var rule: String {
    "BUY when, after the Bollinger(20,2) band width was ≤ \(ReasonText.fixed(maxWidthRatio))× its 120-candle minimum, "
      + "the close breaks above the upper band; SELL below the lower band"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter(
        "maxWidthRatio", maxWidthRatio, unit: "× 120-candle minimum width", "band width of a squeeze"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "close beyond the band giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a squeeze breakout"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let width = context.previous.bbWidthPct else { return missing("Bollinger band width warming up") }
    guard let minimum = context.previous.bbWidthMin120Pct else {
      return missing("120-candle minimum of the Bollinger band width warming up")
    }
    guard let upper = context.previous.bbUpper, let lower = context.previous.bbLower else {
      return missing("Bollinger(20,2) bands warming up")
    }
    let close = context.close
    let squeezed = width <= maxWidthRatio * minimum
    if squeezed, close > upper {
      let strength = StrategyMath.grade(StrategyMath.percentChange(from: upper, to: close), full: fullStrengthPct)
      return buy(strength, confidence: confidence, SignalEvidence(width, minimum, upper))
    }
    if squeezed, close < lower {
      let strength = StrategyMath.grade(-StrategyMath.percentChange(from: lower, to: close), full: fullStrengthPct)
      return sell(strength, confidence: confidence, SignalEvidence(width, minimum, lower))
    }
    return hold(confidence: confidence, SignalEvidence(width, minimum, close >= (upper + lower) / 2 ? upper : lower))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let squeeze =
        "band width \(ReasonText.percent(e.primary, 3)) vs 120-candle minimum \(ReasonText.percent(e.reference, 3)) "
        + "(squeeze ≤ \(ReasonText.fixed(maxWidthRatio))×)"
      switch signal.action {
      case .buy: return "squeeze breakout up: close above the upper band \(ReasonText.price(e.secondary)), \(squeeze)"
      case .sell:
        return "squeeze breakout down: close below the lower band \(ReasonText.price(e.secondary)), \(squeeze)"
      case .hold: return "no squeeze breakout: nearest band \(ReasonText.price(e.secondary)), \(squeeze)"
      }
    }
  }
}
