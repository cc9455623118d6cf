// Technical strategies P38–P41: MACD(12, 26, 9) crossovers, histogram turns and divergence.
//
// MACD values are in price units, so sizes are measured against ATR(14): a histogram of
// 0.1 × ATR means the same on a 5-minute BTC chart and a daily SAND chart.

/// P38 — the MACD line crosses its signal line (the histogram changes sign): BUY up, SELL down.
///
/// Evidence: histogram, previous histogram, histogram in ATRs.
public struct MACDSignalCrossStrategy: Strategy {
  /// |histogram| in ATR(14) units at which strength reaches 1.
  public var fullStrengthATR = 0.2
  /// Confidence of a cross, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(38) }
  public var name: String { "MACD signal-line cross" }
  public var rule: String { "BUY when the MACD line crosses above its signal line, SELL when it crosses below" }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("fullStrengthATR", fullStrengthATR, unit: "× ATR", "|histogram| giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let histogram = context.snapshot.macdHist, let previousHistogram = context.previous.macdHist else {
      return missing("MACD(12,26,9) signal line warming up")
    }
    guard let atr = context.snapshot.atr14 else { return missing("ATR(14) warming up") }
    let size = StrategyMath.ratio(histogram, atr)
    let direction = StrategyMath.cross(previousSpread: previousHistogram, spread: histogram)
    return signal(
      direction: direction, strength: StrategyMath.grade(abs(size), full: fullStrengthATR),
      confidence: confidence, SignalEvidence(histogram, previousHistogram, size))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let move = signal.action == .buy ? "crossed above" : (signal.action == .sell ? "crossed below" : "did not cross")
      return
        "MACD \(move) its signal: histogram \(ReasonText.signed(e.reference, 4)) → \(ReasonText.signed(e.primary, 4)) "
        + "(\(ReasonText.signed(e.secondary)) × ATR)"
    }
  }
}

/// P39 — MACD histogram turn: a trough below zero BUYs (selling momentum fading), a peak above
/// zero SELLs (buying momentum fading).
///
/// With h0 the histogram after the latest candle, h1 the one before it (`previous.macdHist`) and
/// h2 the one before that (`macdHistPrev2`): a trough is `h2 > h1 < h0` with `h1 < 0`, a peak is
/// `h2 < h1 > h0` with `h1 > 0`. The turning point must lie ≥ `minDepthATR` × ATR(14) from zero
/// (`|h1|`), and the rebound `|h0 − h1|` must be ≥ `minChangeATR` × ATR(14), so wiggles around
/// zero and rounding-level moves are not turns. Strength grows with the rebound in ATRs.
/// Evidence: h0, h1, h2.
public struct MACDHistogramTurnStrategy: Strategy {
  /// Smallest distance of the trough or peak from zero, ATR(14) units.
  public var minDepthATR = 0.1
  /// Smallest rebound after the trough or peak, ATR(14) units.
  public var minChangeATR = 0.02
  /// Rebound, ATR units, at which strength reaches 1.
  public var fullStrengthATR = 0.1
  /// Confidence of a turn, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(39) }
  public var name: String { "MACD histogram turn" }
  public var rule: String {
    let depth = ReasonText.fixed(minDepthATR)
    let t = ReasonText.fixed(minChangeATR)
    return "BUY when the MACD histogram makes a trough h[-2] > h[-1] < h[0] with h[-1] ≤ -\(depth) × ATR(14) and "
      + "rebounds ≥ \(t) × ATR(14); SELL on a peak h[-2] < h[-1] > h[0] with h[-1] ≥ \(depth) × ATR(14) that falls "
      + "back ≥ \(t) × ATR(14)"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minDepthATR", minDepthATR, unit: "× ATR", "smallest distance of the turn from zero"),
      StrategyParameter("minChangeATR", minChangeATR, unit: "× ATR", "smallest rebound after the turn"),
      StrategyParameter("fullStrengthATR", fullStrengthATR, unit: "× ATR", "rebound giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a turn"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let h0 = context.snapshot.macdHist else { return missing("MACD(12,26,9) signal line warming up") }
    guard let h1 = context.previous.macdHist, let h2 = context.snapshot.macdHistPrev2 else {
      return missing("MACD(12,26,9) histogram history (two candles back) warming up")
    }
    guard let atr = context.snapshot.atr14 else { return missing("ATR(14) warming up") }
    let rebound = StrategyMath.ratio(h0 - h1, atr)
    let depth = StrategyMath.ratio(h1, atr)
    let evidence = SignalEvidence(h0, h1, h2)
    let strength = StrategyMath.grade(abs(rebound), full: fullStrengthATR)
    if h1 < 0, h2 > h1, depth <= -minDepthATR, rebound >= minChangeATR {
      return buy(strength, confidence: confidence, evidence)
    }
    if h1 > 0, h2 < h1, depth >= minDepthATR, rebound <= -minChangeATR {
      return sell(strength, confidence: confidence, evidence)
    }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict =
        signal.action == .buy
        ? "trough below zero" : (signal.action == .sell ? "peak above zero" : "no turn")
      return
        "MACD histogram \(verdict): \(ReasonText.signedPrice(e.secondary)) → \(ReasonText.signedPrice(e.reference)) "
        + "→ \(ReasonText.signedPrice(e.primary))"
    }
  }
}

/// P40 — the MACD line crosses zero (EMA 12 crosses EMA 26) on the side of its signal line.
///
/// Up through zero with MACD above its signal BUYs; down through zero below its signal SELLs.
/// Evidence: MACD, signal, MACD in ATRs.
public struct MACDZeroCrossStrategy: Strategy {
  /// |MACD| in ATR(14) units at which strength reaches 1.
  public var fullStrengthATR = 0.2
  /// Confidence of a zero cross, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(40) }
  public var name: String { "MACD zero-line cross" }
  public var rule: String {
    "BUY when the MACD line crosses above zero while above its signal, SELL when it crosses below zero while below its signal"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("fullStrengthATR", fullStrengthATR, unit: "× ATR", "|MACD| giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a zero cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let macd = context.snapshot.macd, let previousMACD = context.previous.macd else {
      return missing("MACD(12,26) line warming up")
    }
    guard let signalLine = context.snapshot.macdSignal else { return missing("MACD(12,26,9) signal line warming up") }
    guard let atr = context.snapshot.atr14 else { return missing("ATR(14) warming up") }
    let size = StrategyMath.ratio(macd, atr)
    var direction = StrategyMath.cross(previousSpread: previousMACD, spread: macd)
    if direction > 0, macd <= signalLine { direction = 0 }
    if direction < 0, macd >= signalLine { direction = 0 }
    return signal(
      direction: direction, strength: StrategyMath.grade(abs(size), full: fullStrengthATR),
      confidence: confidence, SignalEvidence(macd, signalLine, size))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let move =
        signal.action == .buy
        ? "crossed above zero" : (signal.action == .sell ? "crossed below zero" : "no confirmed zero cross")
      return "MACD \(ReasonText.signed(e.primary, 4)) \(move), signal \(ReasonText.signed(e.reference, 4)) "
        + "(\(ReasonText.signed(e.secondary)) × ATR)"
    }
  }
}

/// P41 — MACD divergence: the close breaks the prior 20-candle low while the MACD line stands
/// higher than it did at that low (bullish, BUY), or breaks the prior 20-candle high while the
/// MACD line stands lower than at that high (bearish, SELL).
///
/// Exactly, with L = `donchianLower20` (lowest low of the 20 candles before the latest), M_L =
/// `macdAtLow20` (the MACD line at the candle of that low, the most recent on ties), A_L =
/// `low20Age` (candles from that low to the latest), and H, M_H, A_H the same for the highest high:
/// BUY when close < L, A_L ≥ `minSeparation` and MACD − M_L > `minDivergenceATR` × ATR(14);
/// SELL when close > H, A_H ≥ `minSeparation` and M_H − MACD > `minDivergenceATR` × ATR(14).
/// The separation makes the earlier extreme a distinct swing rather than the previous candle of the
/// same slide. Strength grows with the MACD difference in ATRs. Evidence: MACD now, MACD at the
/// prior extreme, the broken level (hold: MACD now, 0, close).
public struct MACDDivergenceStrategy: Strategy {
  /// Fewest candles between the prior extreme and the latest candle.
  public var minSeparation = 5
  /// Smallest MACD difference against the prior extreme, ATR(14) units.
  public var minDivergenceATR = 0.0
  /// MACD difference, ATR(14) units, at which strength reaches 1.
  public var fullStrengthATR = 0.25
  /// Confidence of a divergence, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(41) }
  public var name: String { "MACD divergence" }
  public var rule: String {
    let gap = "\(minSeparation) candles"
    let size = ReasonText.fixed(minDivergenceATR)
    return "BUY when the close breaks below the prior 20-candle low (set ≥ \(gap) ago) while the MACD line is "
      + "> \(size) × ATR(14) above its value at that low; SELL when the close breaks above the prior 20-candle high "
      + "(set ≥ \(gap) ago) while the MACD line is > \(size) × ATR(14) below its value at that high"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter(
        "minSeparation", Double(minSeparation), unit: "candles", "fewest candles since the prior extreme"),
      StrategyParameter(
        "minDivergenceATR", minDivergenceATR, unit: "× ATR", "smallest MACD difference against the prior extreme"),
      StrategyParameter("fullStrengthATR", fullStrengthATR, unit: "× ATR", "MACD difference giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a divergence"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    let s = context.snapshot
    guard let macd = s.macd else { return missing("MACD(12,26) line warming up") }
    guard let low = s.donchianLower20, let high = s.donchianUpper20 else {
      return missing("Donchian(20) channel warming up")
    }
    guard let macdAtLow = s.macdAtLow20, let lowAge = s.low20Age, let macdAtHigh = s.macdAtHigh20,
      let highAge = s.high20Age
    else { return missing("MACD at the prior 20-candle low/high warming up") }
    guard let atr = s.atr14 else { return missing("ATR(14) warming up") }
    let close = context.close
    if close < low, lowAge >= minSeparation {
      let divergence = StrategyMath.ratio(macd - macdAtLow, atr)
      if divergence > minDivergenceATR {
        let strength = StrategyMath.grade(divergence, full: fullStrengthATR)
        return buy(strength, confidence: confidence, SignalEvidence(macd, macdAtLow, low))
      }
    }
    if close > high, highAge >= minSeparation {
      let divergence = StrategyMath.ratio(macdAtHigh - macd, atr)
      if divergence > minDivergenceATR {
        let strength = StrategyMath.grade(divergence, full: fullStrengthATR)
        return sell(strength, confidence: confidence, SignalEvidence(macd, macdAtHigh, high))
      }
    }
    return hold(confidence: confidence, SignalEvidence(macd, 0, close))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      switch signal.action {
      case .buy:
        "bullish divergence: close below the prior 20-candle low \(ReasonText.price(e.secondary)) while MACD "
          + "\(ReasonText.signedPrice(e.primary)) is above its \(ReasonText.signedPrice(e.reference)) at that low"
      case .sell:
        "bearish divergence: close above the prior 20-candle high \(ReasonText.price(e.secondary)) while MACD "
          + "\(ReasonText.signedPrice(e.primary)) is below its \(ReasonText.signedPrice(e.reference)) at that high"
      case .hold:
        "no divergence: close \(ReasonText.price(e.secondary)), MACD \(ReasonText.signedPrice(e.primary))"
      }
    }
  }
}
