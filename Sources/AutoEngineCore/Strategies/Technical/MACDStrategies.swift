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

/// P39 — MACD histogram turn: below zero and rising BUYs (selling momentum fading), above zero
/// and falling SELLs.
///
/// With only the previous snapshot at hand, a "turn" is a one-candle histogram move of at least
/// `minChangeATR` × ATR(14) toward zero. Evidence: histogram, previous histogram, change in ATRs.
public struct MACDHistogramTurnStrategy: Strategy {
  /// Smallest one-candle histogram change toward zero, ATR(14) units.
  public var minChangeATR = 0.02
  /// Change, ATR units, at which strength reaches 1.
  public var fullStrengthATR = 0.1
  /// Confidence of a turn, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(39) }
  public var name: String { "MACD histogram turn" }
  public var rule: String {
    let t = ReasonText.fixed(minChangeATR)
    return
      "BUY when the MACD histogram is below zero and rises ≥ \(t) × ATR(14), SELL when above zero and falls ≥ \(t) × ATR(14)"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minChangeATR", minChangeATR, unit: "× ATR", "smallest change toward zero"),
      StrategyParameter("fullStrengthATR", fullStrengthATR, unit: "× ATR", "change giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a turn"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let histogram = context.snapshot.macdHist, let previousHistogram = context.previous.macdHist else {
      return missing("MACD(12,26,9) signal line warming up")
    }
    guard let atr = context.snapshot.atr14 else { return missing("ATR(14) warming up") }
    let change = StrategyMath.ratio(histogram - previousHistogram, atr)
    let evidence = SignalEvidence(histogram, previousHistogram, change)
    let strength = StrategyMath.grade(abs(change), full: fullStrengthATR)
    if histogram < 0, change >= minChangeATR { return buy(strength, confidence: confidence, evidence) }
    if histogram > 0, change <= -minChangeATR { return sell(strength, confidence: confidence, evidence) }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict =
        signal.action == .buy
        ? "turning up below zero" : (signal.action == .sell ? "turning down above zero" : "no turn")
      return "MACD histogram \(verdict): \(ReasonText.signed(e.reference, 4)) → \(ReasonText.signed(e.primary, 4)) "
        + "(\(ReasonText.signed(e.secondary, 3)) × ATR)"
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

/// P41 — MACD divergence: the price makes a new 20-candle low while the MACD line rises (BUY),
/// or a new 20-candle high while it falls (SELL).
///
/// A one-candle divergence: the snapshots hold no MACD value at the previous extreme, so "MACD
/// higher" means higher than before the latest candle. Evidence: MACD, previous MACD, the low
/// (or high) that made the new extreme.
public struct MACDDivergenceStrategy: Strategy {
  /// MACD change, ATR(14) units, at which strength reaches 1.
  public var fullStrengthATR = 0.05
  /// Confidence of a divergence, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(41) }
  public var name: String { "MACD divergence" }
  public var rule: String {
    "BUY when the low makes a new 20-candle low while the MACD line rises, SELL when the high makes a new 20-candle high while it falls"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("fullStrengthATR", fullStrengthATR, unit: "× ATR", "MACD change giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a divergence"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let macd = context.snapshot.macd, let previousMACD = context.previous.macd else {
      return missing("MACD(12,26) line warming up")
    }
    guard let upper = context.snapshot.donchianUpper20, let lower = context.snapshot.donchianLower20 else {
      return missing("Donchian(20) channel warming up")
    }
    guard let atr = context.snapshot.atr14 else { return missing("ATR(14) warming up") }
    let candle = context.candle
    let strength = StrategyMath.grade(abs(StrategyMath.ratio(macd - previousMACD, atr)), full: fullStrengthATR)
    if candle.low < lower, macd > previousMACD {
      return buy(strength, confidence: confidence, SignalEvidence(macd, previousMACD, candle.low))
    }
    if candle.high > upper, macd < previousMACD {
      return sell(strength, confidence: confidence, SignalEvidence(macd, previousMACD, candle.high))
    }
    return hold(confidence: confidence, SignalEvidence(macd, previousMACD, candle.close))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      switch signal.action {
      case .buy:
        "bullish divergence: new 20-candle low \(ReasonText.price(e.secondary)) while MACD rose "
          + "\(ReasonText.signed(e.reference, 4)) → \(ReasonText.signed(e.primary, 4))"
      case .sell:
        "bearish divergence: new 20-candle high \(ReasonText.price(e.secondary)) while MACD fell "
          + "\(ReasonText.signed(e.reference, 4)) → \(ReasonText.signed(e.primary, 4))"
      case .hold:
        "no divergence: MACD \(ReasonText.signed(e.reference, 4)) → \(ReasonText.signed(e.primary, 4)), close \(ReasonText.price(e.secondary))"
      }
    }
  }
}
