// Price strategies P1–P6: channel breakouts and breakdowns, slope momentum, one-candle thrusts.

/// P1–P4 — the close leaves a price channel: above its high (BUY) or below its low (SELL).
///
/// The channels exclude the latest candle (see `IndicatorSnapshot.donchianUpper20`), so a close
/// beyond them is a new 20- or 50-candle extreme. Evidence: close, channel level, excess in %.
public struct ChannelBreakStrategy: Strategy {
  /// Which channel edge the strategy watches.
  public enum Edge: Hashable, Sendable, CaseIterable {
    /// P1: BUY above the highest high of the previous 20 candles.
    case donchianHigh20
    /// P2: BUY above the highest high of the previous 50 candles.
    case high50
    /// P3: SELL below the lowest low of the previous 20 candles.
    case donchianLow20
    /// P4: SELL below the lowest low of the previous 50 candles.
    case low50
  }

  /// The watched edge.
  public let edge: Edge
  /// Smallest excess beyond the edge that counts, percent of the edge.
  public var minExcessPct = 0.0
  /// Excess beyond the edge, percent, at which strength reaches 1.
  public var fullStrengthPct = 1.0
  /// Confidence of a break reading, 0–1.
  public var confidence = 0.55

  /// The strategy for `edge` with default parameters.
  public init(_ edge: Edge) { self.edge = edge }

  public var id: StrategyID {
    switch edge {
    case .donchianHigh20: StrategyID(1)
    case .high50: StrategyID(2)
    case .donchianLow20: StrategyID(3)
    case .low50: StrategyID(4)
    }
  }

  public var name: String {
    switch edge {
    case .donchianHigh20: "Donchian 20 breakout"
    case .high50: "50-candle high breakout"
    case .donchianLow20: "Donchian 20 breakdown"
    case .low50: "50-candle low breakdown"
    }
  }

  private var isHigh: Bool { edge == .donchianHigh20 || edge == .high50 }
  private var levelName: String {
    switch edge {
    case .donchianHigh20: "20-candle high"
    case .high50: "50-candle high"
    case .donchianLow20: "20-candle low"
    case .low50: "50-candle low"
    }
  }

  public var rule: String {
    let threshold = ReasonText.fixed(minExcessPct)
    return isHigh
      ? "BUY when the close is more than \(threshold) % above the \(levelName) of the previous candles"
      : "SELL when the close is more than \(threshold) % below the \(levelName) of the previous candles"
  }

  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minExcessPct", minExcessPct, unit: "%", "smallest break beyond the edge"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "break giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a break"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    let level: Double
    switch edge {
    case .donchianHigh20:
      guard let value = context.snapshot.donchianUpper20 else { return missing("Donchian(20) high warming up") }
      level = value
    case .high50:
      guard let value = context.snapshot.high50 else { return missing("50-candle high warming up") }
      level = value
    case .donchianLow20:
      guard let value = context.snapshot.donchianLower20 else { return missing("Donchian(20) low warming up") }
      level = value
    case .low50:
      guard let value = context.snapshot.low50 else { return missing("50-candle low warming up") }
      level = value
    }
    let excessPct = StrategyMath.percentChange(from: level, to: context.close)
    let evidence = SignalEvidence(context.close, level, excessPct)
    if isHigh, excessPct > minExcessPct {
      return buy(StrategyMath.grade(excessPct, full: fullStrengthPct), confidence: confidence, evidence)
    }
    if !isHigh, -excessPct > minExcessPct {
      return sell(StrategyMath.grade(-excessPct, full: fullStrengthPct), confidence: confidence, evidence)
    }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let side = isHigh ? "above" : "below"
      let verb = signal.action == .hold ? "not \(side)" : side
      return "close \(ReasonText.price(e.primary)) \(verb) the \(levelName) \(ReasonText.price(e.reference)) "
        + "(\(ReasonText.signedPercent(e.secondary)))"
    }
  }
}

/// P5 — price momentum from the 20-candle least-squares slope: BUY rising, SELL falling.
///
/// Evidence: slope (percent of the close per candle), threshold.
public struct TrendSlopeStrategy: Strategy {
  /// Slope magnitude that fires, percent of the close per candle.
  public var thresholdPct = 0.1
  /// Slope magnitude at which strength reaches 1, percent per candle.
  public var fullStrengthPct = 0.5
  /// Confidence of a slope reading, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(5) }
  public var name: String { "Regression slope momentum" }
  public var rule: String {
    let t = ReasonText.fixed(thresholdPct)
    return "BUY when the 20-candle regression slope ≥ \(t) %/candle, SELL when ≤ -\(t) %/candle"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("thresholdPct", thresholdPct, unit: "%/candle", "slope that fires"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%/candle", "slope giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a slope reading"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let slope = context.snapshot.trendSlope20Pct else { return missing("20-candle trend slope warming up") }
    let evidence = SignalEvidence(slope, thresholdPct)
    guard abs(slope) >= thresholdPct else { return hold(confidence: confidence, evidence) }
    return signal(
      direction: slope, strength: StrategyMath.grade(abs(slope), full: fullStrengthPct),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let comparison = signal.action == .hold ? "within ±" : (e.primary > 0 ? "≥ " : "≤ -")
      return
        "20-candle slope \(ReasonText.signed(e.primary, 3)) %/candle \(comparison)\(ReasonText.fixed(e.reference, 3))"
    }
  }
}

/// P6 — one candle moves the close by at least `thresholdATR` average true ranges.
///
/// Evidence: move in ATRs, close, previous close.
public struct PriceThrustStrategy: Strategy {
  /// Close-to-close move that fires, in ATR(14) units.
  public var thresholdATR = 1.0
  /// Move at which strength reaches 1, in ATR(14) units.
  public var fullStrengthATR = 2.5
  /// Confidence of a thrust reading, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(6) }
  public var name: String { "ATR price thrust" }
  public var rule: String {
    let t = ReasonText.fixed(thresholdATR)
    return "BUY when the close rises ≥ \(t) × ATR(14) in one candle, SELL when it falls ≥ \(t) × ATR(14)"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("thresholdATR", thresholdATR, unit: "× ATR", "one-candle move that fires"),
      StrategyParameter("fullStrengthATR", fullStrengthATR, unit: "× ATR", "move giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a thrust"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let previousClose = context.previousClose else { return missing("previous close unavailable") }
    guard let atr = context.snapshot.atr14 else { return missing("ATR(14) warming up") }
    let thrust = StrategyMath.ratio(context.close - previousClose, atr)
    let evidence = SignalEvidence(thrust, context.close, previousClose)
    guard atr > 0, abs(thrust) >= thresholdATR else { return hold(confidence: confidence, evidence) }
    return signal(
      direction: thrust, strength: StrategyMath.grade(abs(thrust), full: fullStrengthATR),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      "close \(ReasonText.price(e.reference)) from \(ReasonText.price(e.secondary)): "
        + "\(ReasonText.signed(e.primary)) × ATR(14) (threshold \(ReasonText.fixed(thresholdATR)))"
    }
  }
}
