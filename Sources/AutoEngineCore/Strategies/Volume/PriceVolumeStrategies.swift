// Volume strategies P24, P25 and P29–P31: price-volume relationships and VWAP.

/// P24 — low-volume pullback: a counter-move on thin volume inside a trend continues the trend.
///
/// Close above SMA 50 and a down candle (close below the previous close) on volume ≤
/// `maxRatio` × its 20-candle average → BUY; the mirror image below SMA 50 → SELL.
/// Evidence: volume ratio, close, SMA 50.
public struct QuietPullbackStrategy: Strategy {
  /// Largest volume / SMA 20 volume ratio of a quiet candle.
  public var maxRatio = 0.5
  /// Confidence of a quiet pullback, 0–1.
  public var confidence = 0.35

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(24) }
  public var name: String { "Low-volume pullback" }
  public var rule: String {
    "BUY on a falling close above SMA 50 with volume ≤ \(ReasonText.fixed(maxRatio))× average, SELL on a rising close below SMA 50 with such volume"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("maxRatio", maxRatio, unit: "× average volume", "volume of a quiet candle"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a quiet pullback"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let average = context.snapshot.volumeSMA20 else { return missing("volume SMA(20) warming up") }
    guard let sma50 = context.snapshot.sma50 else { return missing("SMA(50) warming up") }
    guard let previousClose = context.previousClose else { return missing("previous close unavailable") }
    let close = context.close
    let ratio = StrategyMath.ratio(context.candle.volume, average)
    let evidence = SignalEvidence(ratio, close, sma50)
    guard average > 0, ratio <= maxRatio else { return hold(confidence: confidence, evidence) }
    let strength = StrategyMath.grade(maxRatio - ratio, full: maxRatio)
    if close > sma50, close < previousClose { return buy(strength, confidence: confidence, evidence) }
    if close < sma50, close > previousClose { return sell(strength, confidence: confidence, evidence) }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict: String
      switch signal.action {
      case .buy: verdict = "quiet pullback in an uptrend"
      case .sell: verdict = "quiet bounce in a downtrend"
      case .hold: verdict = "no quiet counter-move"
      }
      return "\(verdict): volume \(ReasonText.fixed(e.primary))× average (max \(ReasonText.fixed(maxRatio))×), "
        + "close \(ReasonText.price(e.reference)) vs SMA50 \(ReasonText.price(e.secondary))"
    }
  }
}

/// P25 — volume divergence: a 10-candle move on thin volume is suspect and likely to fade.
///
/// ROC(10) ≥ `minMovePct` with volume ≤ `maxRatio` × average → SELL (rally without volume);
/// ROC(10) ≤ −`minMovePct` on such volume → BUY (selling exhausted).
/// Evidence: ROC(10) in percent, volume ratio.
public struct VolumeDivergenceStrategy: Strategy {
  /// Smallest 10-candle move, percent.
  public var minMovePct = 2.0
  /// Largest volume / SMA 20 volume ratio that counts as thin.
  public var maxRatio = 0.6
  /// Move beyond the threshold, percent, at which strength reaches 1.
  public var fullStrengthPct = 4.0
  /// Confidence of a divergence, 0–1.
  public var confidence = 0.35

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(25) }
  public var name: String { "Volume divergence" }
  public var rule: String {
    let move = ReasonText.fixed(minMovePct, 1)
    return
      "SELL when ROC(10) ≥ \(move) % on volume ≤ \(ReasonText.fixed(maxRatio, 1))× average, BUY when ROC(10) ≤ -\(move) % on such volume"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minMovePct", minMovePct, unit: "%", "smallest 10-candle move"),
      StrategyParameter("maxRatio", maxRatio, unit: "× average volume", "volume that counts as thin"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "move beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a divergence"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let roc = context.snapshot.roc10 else { return missing("ROC(10) warming up") }
    guard let average = context.snapshot.volumeSMA20 else { return missing("volume SMA(20) warming up") }
    let ratio = StrategyMath.ratio(context.candle.volume, average)
    let evidence = SignalEvidence(roc, ratio)
    guard average > 0, ratio <= maxRatio, abs(roc) >= minMovePct else { return hold(confidence: confidence, evidence) }
    return signal(
      direction: -roc, strength: StrategyMath.grade(abs(roc) - minMovePct, full: fullStrengthPct),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict =
        signal.action == .hold
        ? "no divergence" : (signal.action == .sell ? "rally on thin volume" : "decline on thin volume")
      return
        "\(verdict): ROC(10) \(ReasonText.signedPercent(e.primary)), volume \(ReasonText.fixed(e.reference))× average"
    }
  }
}

/// P29 — price-volume correlation: volume that comes with up-moves confirms buyers, with
/// down-moves sellers.
///
/// BUY when the 20-candle correlation of returns with volume ≥ `threshold`, SELL when ≤ −threshold.
/// Evidence: correlation, threshold.
public struct PriceVolumeCorrelationStrategy: Strategy {
  /// Correlation magnitude that fires, 0–1.
  public var threshold = 0.4
  /// Correlation beyond the threshold at which strength reaches 1.
  public var fullStrength = 0.4
  /// Confidence of a correlation reading, 0–1.
  public var confidence = 0.35

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(29) }
  public var name: String { "Price-volume correlation" }
  public var rule: String {
    let t = ReasonText.fixed(threshold)
    return "BUY when the 20-candle correlation of returns with volume ≥ \(t), SELL when ≤ -\(t)"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("threshold", threshold, unit: "correlation", "correlation that fires"),
      StrategyParameter(
        "fullStrength", fullStrength, unit: "correlation", "correlation beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a correlation reading"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let correlation = context.snapshot.priceVolumeCorrelation20 else {
      return missing("price-volume correlation(20) warming up")
    }
    let evidence = SignalEvidence(correlation, threshold)
    guard abs(correlation) >= threshold else { return hold(confidence: confidence, evidence) }
    return signal(
      direction: correlation, strength: StrategyMath.grade(abs(correlation) - threshold, full: fullStrength),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      "return-volume correlation \(ReasonText.signed(e.primary)) "
        + (signal.action == .hold
          ? "within ±\(ReasonText.fixed(e.reference))" : "beyond ±\(ReasonText.fixed(e.reference))")
    }
  }
}

/// P30 — the close crosses the 20-candle VWAP: BUY up, SELL down.
///
/// Uses `vwap20` (the VWAP of the last 20 candles), not the cumulative VWAP, which drifts away
/// from the price in a trend and would make every candle "above" or "below" it.
/// Evidence: close, VWAP(20), previous close.
public struct VWAPCrossStrategy: Strategy {
  /// Distance from the VWAP, percent, at which strength reaches 1.
  public var fullStrengthPct = 1.0
  /// Confidence of a cross, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(30) }
  public var name: String { "VWAP(20) cross" }
  public var rule: String { "BUY when the close crosses above the 20-candle VWAP, SELL when it crosses below" }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter(
        "fullStrengthPct", fullStrengthPct, unit: "%", "distance from the 20-candle VWAP giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    closeCross(
      context, level: context.snapshot.vwap20, previousLevel: context.previous.vwap20,
      warmingUp: "VWAP(20) warming up", fullStrengthPct: fullStrengthPct, confidence: confidence)
  }

  public func reason(for signal: Signal) -> String { closeCrossReason(signal, levelLabel: "VWAP(20)") }
}

/// P31 — VWAP deviation reversion: far from the 20-candle VWAP and turning back toward it.
///
/// Measured against `vwap20`, the VWAP of the last 20 candles, not the cumulative VWAP (which,
/// anchored at the first candle, drifts ever further from the price in a trend and would make
/// every trending candle "stretched"). BUY when the close is ≥ `thresholdPct` below the
/// 20-candle VWAP and above the previous close; SELL when ≥ `thresholdPct` above it and below
/// the previous close. Evidence: deviation in percent, close, 20-candle VWAP.
public struct VWAPDeviationStrategy: Strategy {
  /// Deviation from the 20-candle VWAP that fires, percent.
  public var thresholdPct = 2.0
  /// Deviation beyond the threshold, percent, at which strength reaches 1.
  public var fullStrengthPct = 2.0
  /// Confidence of a reversion, 0–1.
  public var confidence = 0.3

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(31) }
  public var name: String { "VWAP deviation reversion" }
  public var rule: String {
    let t = ReasonText.fixed(thresholdPct, 1)
    return
      "BUY when the close is ≥ \(t) % below the 20-candle VWAP and turns up, SELL when ≥ \(t) % above it and turns down"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("thresholdPct", thresholdPct, unit: "%", "deviation from the 20-candle VWAP that fires"),
      StrategyParameter(
        "fullStrengthPct", fullStrengthPct, unit: "%", "deviation beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a reversion"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let vwap = context.snapshot.vwap20 else {
      return missing("20-candle VWAP warming up (or no volume in the last 20 candles)")
    }
    guard let previousClose = context.previousClose else { return missing("previous close unavailable") }
    let close = context.close
    let deviationPct = StrategyMath.percentChange(from: vwap, to: close)
    let evidence = SignalEvidence(deviationPct, close, vwap)
    let strength = StrategyMath.grade(abs(deviationPct) - thresholdPct, full: fullStrengthPct)
    if deviationPct <= -thresholdPct, close > previousClose { return buy(strength, confidence: confidence, evidence) }
    if deviationPct >= thresholdPct, close < previousClose { return sell(strength, confidence: confidence, evidence) }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict = signal.action == .hold ? "no reversion" : "turning back toward the 20-candle VWAP"
      return "\(verdict): close \(ReasonText.price(e.reference)) is \(ReasonText.signedPercent(e.primary)) from "
        + "VWAP(20) \(ReasonText.price(e.secondary)) (threshold ±\(ReasonText.fixed(thresholdPct, 1)) %)"
    }
  }
}
