// Volume strategies P21–P23, P34 and P35: spikes, climaxes, confirmed breakouts, sustained volume.

/// P21–P22 — a volume spike (z-score ≥ threshold) on an up candle BUYs (P21), on a down candle SELLs (P22).
///
/// Evidence: volume z-score, candle change open → close in percent, volume.
public struct VolumeSpikeStrategy: Strategy {
  /// The candle colour the strategy acts on.
  public enum CandleDirection: Hashable, Sendable, CaseIterable {
    /// P21: close above open → BUY.
    case up
    /// P22: close below open → SELL.
    case down
  }

  /// The candle colour acted on.
  public let direction: CandleDirection
  /// Volume z-score that counts as a spike.
  public var minZScore = 2.0
  /// Z-score beyond the threshold at which strength reaches 1.
  public var fullStrengthZ = 2.0
  /// Confidence of a spike, 0–1.
  public var confidence = 0.5

  /// The strategy for `direction` with default parameters.
  public init(_ direction: CandleDirection) { self.direction = direction }

  public var id: StrategyID { direction == .up ? StrategyID(21) : StrategyID(22) }
  public var name: String { direction == .up ? "Volume spike on up candle" : "Volume spike on down candle" }
  public var rule: String {
    let t = ReasonText.fixed(minZScore, 1)
    return direction == .up
      ? "BUY when the volume z-score ≥ \(t) and the candle closes above its open"
      : "SELL when the volume z-score ≥ \(t) and the candle closes below its open"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minZScore", minZScore, unit: "σ", "volume z-score of a spike"),
      StrategyParameter("fullStrengthZ", fullStrengthZ, unit: "σ", "z-score beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a spike"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let z = context.snapshot.volumeZScore else { return missing("volume z-score warming up") }
    let candle = context.candle
    let changePct = StrategyMath.percentChange(from: candle.open, to: candle.close)
    let evidence = SignalEvidence(z, changePct, candle.volume)
    let colourMatches = direction == .up ? candle.close > candle.open : candle.close < candle.open
    guard z >= minZScore, colourMatches else { return hold(confidence: confidence, evidence) }
    let strength = StrategyMath.grade(z - minZScore, full: fullStrengthZ)
    return direction == .up
      ? buy(strength, confidence: confidence, evidence) : sell(strength, confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict = signal.action == .hold ? "no spike on a \(direction == .up ? "up" : "down") candle" : "volume spike"
      return "\(verdict): volume z \(ReasonText.fixed(e.primary)) (threshold \(ReasonText.fixed(minZScore, 1))), "
        + "candle \(ReasonText.signedPercent(e.reference)), volume \(ReasonText.price(e.secondary))"
    }
  }
}

/// P23 — volume climax reversal: an extreme-volume candle that closes against the trend.
///
/// Selling climax: z ≥ `minZScore`, close below SMA 20, close in the upper part of the candle's
/// range (close location ≥ `closeLocation`) → BUY. Buying climax: the mirror image → SELL.
/// Evidence: volume z-score, close location in percent of the range, SMA 20.
public struct VolumeClimaxStrategy: Strategy {
  /// Volume z-score of a climax.
  public var minZScore = 3.0
  /// Smallest close location (0 = low, 1 = high) for a selling climax; `1 − closeLocation` is the
  /// largest for a buying climax.
  public var closeLocation = 0.6
  /// Z-score beyond the threshold at which strength reaches 1.
  public var fullStrengthZ = 3.0
  /// Confidence of a climax, 0–1.
  public var confidence = 0.4

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(23) }
  public var name: String { "Volume climax reversal" }
  public var rule: String {
    "BUY on a selling climax (volume z ≥ \(ReasonText.fixed(minZScore, 1)), close below SMA 20 in the upper part of the range), SELL on a buying climax"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minZScore", minZScore, unit: "σ", "volume z-score of a climax"),
      StrategyParameter("closeLocation", closeLocation, unit: "0–1 of range", "close location of a selling climax"),
      StrategyParameter("fullStrengthZ", fullStrengthZ, unit: "σ", "z-score beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a climax"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let z = context.snapshot.volumeZScore else { return missing("volume z-score warming up") }
    guard let sma20 = context.snapshot.sma20 else { return missing("SMA(20) warming up") }
    let candle = context.candle
    let range = candle.high - candle.low
    let location = range > 0 ? (candle.close - candle.low) / range : 0.5
    let evidence = SignalEvidence(z, location * 100, sma20)
    guard z >= minZScore else { return hold(confidence: confidence, evidence) }
    let strength = StrategyMath.grade(z - minZScore, full: fullStrengthZ)
    if candle.close < sma20, location >= closeLocation { return buy(strength, confidence: confidence, evidence) }
    if candle.close > sma20, location <= 1 - closeLocation { return sell(strength, confidence: confidence, evidence) }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict: String
      switch signal.action {
      case .buy: verdict = "selling climax absorbed"
      case .sell: verdict = "buying climax rejected"
      case .hold: verdict = "no climax"
      }
      return
        "\(verdict): volume z \(ReasonText.fixed(e.primary)), close at \(ReasonText.percent(e.reference, 0)) of the range, "
        + "SMA20 \(ReasonText.price(e.secondary))"
    }
  }
}

/// P34 — breakout of the 20-candle channel confirmed by above-normal volume.
///
/// BUY when the close is above the Donchian(20) high with volume z ≥ `minZScore`, SELL below the
/// low. Strength is the mean of the break's and the volume's grades. Evidence: close, channel
/// edge, volume z-score.
public struct VolumeConfirmedBreakoutStrategy: Strategy {
  /// Volume z-score that confirms a break.
  public var minZScore = 1.5
  /// Break beyond the edge, percent, at which its grade reaches 1.
  public var fullStrengthPct = 1.0
  /// Z-score beyond the threshold at which its grade reaches 1.
  public var fullStrengthZ = 2.0
  /// Confidence of a confirmed break, 0–1.
  public var confidence = 0.6

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(34) }
  public var name: String { "Volume-confirmed breakout" }
  public var rule: String {
    "BUY when the close breaks above the Donchian(20) high with volume z ≥ \(ReasonText.fixed(minZScore, 1)), SELL below the low"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minZScore", minZScore, unit: "σ", "volume z-score that confirms"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "break giving full grade"),
      StrategyParameter("fullStrengthZ", fullStrengthZ, unit: "σ", "z-score beyond the threshold giving full grade"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a confirmed break"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let upper = context.snapshot.donchianUpper20, let lower = context.snapshot.donchianLower20 else {
      return missing("Donchian(20) channel warming up")
    }
    guard let z = context.snapshot.volumeZScore else { return missing("volume z-score warming up") }
    let close = context.close
    let volumeGrade = StrategyMath.grade(z - minZScore, full: fullStrengthZ)
    if close > upper, z >= minZScore {
      let breakGrade = StrategyMath.grade(StrategyMath.percentChange(from: upper, to: close), full: fullStrengthPct)
      return buy((breakGrade + volumeGrade) / 2, confidence: confidence, SignalEvidence(close, upper, z))
    }
    if close < lower, z >= minZScore {
      let breakGrade = StrategyMath.grade(-StrategyMath.percentChange(from: lower, to: close), full: fullStrengthPct)
      return sell((breakGrade + volumeGrade) / 2, confidence: confidence, SignalEvidence(close, lower, z))
    }
    let nearest = abs(close - upper) < abs(close - lower) ? upper : lower
    return hold(confidence: confidence, SignalEvidence(close, nearest, z))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      switch signal.action {
      case .buy:
        "close \(ReasonText.price(e.primary)) above the 20-candle high \(ReasonText.price(e.reference)) on volume z \(ReasonText.fixed(e.secondary))"
      case .sell:
        "close \(ReasonText.price(e.primary)) below the 20-candle low \(ReasonText.price(e.reference)) on volume z \(ReasonText.fixed(e.secondary))"
      case .hold:
        "no confirmed break: close \(ReasonText.price(e.primary)), nearest edge \(ReasonText.price(e.reference)), "
          + "volume z \(ReasonText.fixed(e.secondary)) (needs \(ReasonText.fixed(minZScore, 1)))"
      }
    }
  }
}

/// P35 — sustained volume: two consecutive same-coloured candles each with volume ≥
/// `minRatio` × its 20-candle average.
///
/// Two up candles BUY, two down candles SELL. Evidence: volume ratio now, ratio of the previous
/// candle.
public struct SustainedVolumeStrategy: Strategy {
  /// Smallest volume / SMA 20 volume ratio of both candles.
  public var minRatio = 1.5
  /// Ratio beyond the threshold at which strength reaches 1.
  public var fullStrengthRatio = 1.5
  /// Confidence of sustained volume, 0–1.
  public var confidence = 0.45

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(35) }
  public var name: String { "Sustained volume expansion" }
  public var rule: String {
    "BUY when two consecutive up candles each trade ≥ \(ReasonText.fixed(minRatio, 1))× their 20-candle average volume, SELL for two down candles"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minRatio", minRatio, unit: "× average volume", "volume of each candle"),
      StrategyParameter(
        "fullStrengthRatio", fullStrengthRatio, unit: "× average volume", "ratio beyond the threshold giving strength 1"
      ),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of sustained volume"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let previous = context.previousCandle else { return missing("previous candle unavailable") }
    guard let average = context.snapshot.volumeSMA20, let previousAverage = context.previous.volumeSMA20 else {
      return missing("volume SMA(20) warming up")
    }
    let candle = context.candle
    let ratio = StrategyMath.ratio(candle.volume, average)
    let previousRatio = StrategyMath.ratio(previous.volume, previousAverage)
    let evidence = SignalEvidence(ratio, previousRatio)
    guard ratio >= minRatio, previousRatio >= minRatio else { return hold(confidence: confidence, evidence) }
    let strength = StrategyMath.grade(min(ratio, previousRatio) - minRatio, full: fullStrengthRatio)
    if candle.close > candle.open, previous.close > previous.open {
      return buy(strength, confidence: confidence, evidence)
    }
    if candle.close < candle.open, previous.close < previous.open {
      return sell(strength, confidence: confidence, evidence)
    }
    return hold(confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict: String
      switch signal.action {
      case .buy: verdict = "two up candles on heavy volume"
      case .sell: verdict = "two down candles on heavy volume"
      case .hold: verdict = "no sustained volume"
      }
      return
        "\(verdict): volume \(ReasonText.fixed(e.primary))× and \(ReasonText.fixed(e.reference))× the 20-candle average "
        + "(threshold \(ReasonText.fixed(minRatio, 1))×)"
    }
  }
}
