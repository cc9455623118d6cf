// Volume strategies P26–P28: on-balance volume against its SMA 20 and against price.
//
// OBV's scale is arbitrary (a running sum of volumes), so distances from its average are
// measured in "average candles": (OBV − SMA20(OBV)) / SMA20(volume).

/// P26 — OBV crosses its 20-candle SMA: BUY up, SELL down.
///
/// Evidence: OBV, SMA 20 of OBV, distance in average candles' volume.
public struct OBVCrossStrategy: Strategy {
  /// Distance, in average candles' volume, at which strength reaches 1.
  public var fullStrengthVolumes = 1.0
  /// Confidence of a cross, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(26) }
  public var name: String { "OBV crosses its SMA 20" }
  public var rule: String { "BUY when on-balance volume crosses above its 20-candle SMA, SELL when it crosses below" }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter(
        "fullStrengthVolumes", fullStrengthVolumes, unit: "average candles", "distance giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a cross"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let obv = context.snapshot.obv, let obvSMA = context.snapshot.obvSMA20,
      let previousOBV = context.previous.obv, let previousSMA = context.previous.obvSMA20
    else { return missing("OBV SMA(20) warming up") }
    guard let averageVolume = context.snapshot.volumeSMA20 else { return missing("volume SMA(20) warming up") }
    let distance = StrategyMath.ratio(obv - obvSMA, averageVolume)
    let evidence = SignalEvidence(obv, obvSMA, distance)
    let direction = StrategyMath.cross(previousSpread: previousOBV - previousSMA, spread: obv - obvSMA)
    return signal(
      direction: direction, strength: StrategyMath.grade(abs(distance), full: fullStrengthVolumes),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let move = signal.action == .buy ? "crossed above" : (signal.action == .sell ? "crossed below" : "did not cross")
      return "OBV \(ReasonText.fixed(e.primary, 1)) \(move) its SMA20 \(ReasonText.fixed(e.reference, 1)) "
        + "(\(ReasonText.signed(e.secondary)) average candles)"
    }
  }
}

/// P27 — OBV trend confirmation: OBV well above its SMA with the close above SMA 20 BUYs, well
/// below with the close below SMA 20 SELLs.
///
/// Evidence: OBV distance in average candles, close, SMA 20.
public struct OBVTrendStrategy: Strategy {
  /// Distance from the OBV SMA, in average candles' volume, that fires.
  public var thresholdVolumes = 1.0
  /// Distance beyond the threshold at which strength reaches 1.
  public var fullStrengthVolumes = 2.0
  /// Confidence of a confirmed OBV trend, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(27) }
  public var name: String { "OBV trend confirmation" }
  public var rule: String {
    let t = ReasonText.fixed(thresholdVolumes, 1)
    return
      "BUY when OBV is ≥ \(t) average candles above its SMA 20 and close > SMA 20, SELL when ≥ \(t) below and close < SMA 20"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("thresholdVolumes", thresholdVolumes, unit: "average candles", "OBV distance that fires"),
      StrategyParameter(
        "fullStrengthVolumes", fullStrengthVolumes, unit: "average candles",
        "distance beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a confirmed trend"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let obv = context.snapshot.obv, let obvSMA = context.snapshot.obvSMA20 else {
      return missing("OBV SMA(20) warming up")
    }
    guard let averageVolume = context.snapshot.volumeSMA20 else { return missing("volume SMA(20) warming up") }
    guard let sma20 = context.snapshot.sma20 else { return missing("SMA(20) warming up") }
    let distance = StrategyMath.ratio(obv - obvSMA, averageVolume)
    let close = context.close
    let evidence = SignalEvidence(distance, close, sma20)
    let strength = StrategyMath.grade(abs(distance) - thresholdVolumes, full: fullStrengthVolumes)
    if distance >= thresholdVolumes, close > sma20 { return buy(strength, confidence: confidence, evidence) }
    if distance <= -thresholdVolumes, close < sma20 { return sell(strength, confidence: confidence, evidence) }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict = signal.action == .hold ? "no confirmed OBV trend" : "OBV confirms the trend"
      return "\(verdict): OBV \(ReasonText.signed(e.primary)) average candles from its SMA20, "
        + "close \(ReasonText.price(e.reference)) vs SMA20 \(ReasonText.price(e.secondary))"
    }
  }
}

/// P28 — OBV divergence: price falling while OBV rises above its SMA (accumulation) BUYs; price
/// rising while OBV falls below its SMA (distribution) SELLs.
///
/// Evidence: ROC(10) in percent, OBV distance in average candles.
public struct OBVDivergenceStrategy: Strategy {
  /// Smallest 10-candle price move, percent.
  public var minMovePct = 1.0
  /// OBV distance, in average candles, at which strength reaches 1.
  public var fullStrengthVolumes = 2.0
  /// Confidence of a divergence, 0–1.
  public var confidence = 0.35

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(28) }
  public var name: String { "OBV divergence" }
  public var rule: String {
    let move = ReasonText.fixed(minMovePct, 1)
    return
      "BUY when ROC(10) ≤ -\(move) % while OBV rises above its SMA 20, SELL when ROC(10) ≥ \(move) % while OBV falls below it"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minMovePct", minMovePct, unit: "%", "smallest 10-candle price move"),
      StrategyParameter(
        "fullStrengthVolumes", fullStrengthVolumes, unit: "average candles", "OBV distance giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a divergence"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let obv = context.snapshot.obv, let obvSMA = context.snapshot.obvSMA20, let previousOBV = context.previous.obv
    else {
      return missing("OBV SMA(20) warming up")
    }
    guard let averageVolume = context.snapshot.volumeSMA20 else { return missing("volume SMA(20) warming up") }
    guard let roc = context.snapshot.roc10 else { return missing("ROC(10) warming up") }
    let distance = StrategyMath.ratio(obv - obvSMA, averageVolume)
    let evidence = SignalEvidence(roc, distance)
    let strength = StrategyMath.grade(abs(distance), full: fullStrengthVolumes)
    if roc <= -minMovePct, obv > obvSMA, obv > previousOBV { return buy(strength, confidence: confidence, evidence) }
    if roc >= minMovePct, obv < obvSMA, obv < previousOBV { return sell(strength, confidence: confidence, evidence) }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict: String
      switch signal.action {
      case .buy: verdict = "accumulation"
      case .sell: verdict = "distribution"
      case .hold: verdict = "no OBV divergence"
      }
      return
        "\(verdict): ROC(10) \(ReasonText.signedPercent(e.primary)), OBV \(ReasonText.signed(e.reference)) average candles from its SMA20"
    }
  }
}
