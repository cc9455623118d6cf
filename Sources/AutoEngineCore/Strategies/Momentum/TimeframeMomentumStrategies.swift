// Momentum strategies P51–P56: price change over 1 m, 5 m, 15 m and 1 h of wall time, their
// agreement, and short-against-long pullbacks.

/// The wall-time windows of `IndicatorSnapshot.momentum1mPct` … `momentum1hPct`.
public enum MomentumTimeframe: Hashable, Sendable, CaseIterable {
  /// The last minute.
  case oneMinute
  /// The last 5 minutes.
  case fiveMinutes
  /// The last 15 minutes.
  case fifteenMinutes
  /// The last hour.
  case oneHour

  /// Label such as `5m`.
  var label: String {
    switch self {
    case .oneMinute: "1m"
    case .fiveMinutes: "5m"
    case .fifteenMinutes: "15m"
    case .oneHour: "1h"
    }
  }

  /// The default move, percent, that counts as momentum over this window.
  var defaultThresholdPct: Double {
    switch self {
    case .oneMinute: 0.3
    case .fiveMinutes: 0.6
    case .fifteenMinutes: 1.0
    case .oneHour: 2.0
    }
  }

  /// This window's momentum in `snapshot`, percent.
  func momentum(in snapshot: IndicatorSnapshot) -> Double? {
    switch self {
    case .oneMinute: snapshot.momentum1mPct
    case .fiveMinutes: snapshot.momentum5mPct
    case .fifteenMinutes: snapshot.momentum15mPct
    case .oneHour: snapshot.momentum1hPct
    }
  }
}

/// P51–P54 — momentum over one wall-time window: a rise ≥ `thresholdPct` BUYs, a fall SELLs.
///
/// P51 1 minute (0.3 %), P52 5 minutes (0.6 %), P53 15 minutes (1 %), P54 1 hour (2 %).
/// Evidence: momentum in percent, threshold.
public struct TimeframeMomentumStrategy: Strategy {
  /// The window.
  public let timeframe: MomentumTimeframe
  /// Move over the window that fires, percent.
  public var thresholdPct: Double
  /// Move at which strength reaches 1, percent (default 3 × the threshold).
  public var fullStrengthPct: Double
  /// Confidence of a momentum reading, 0–1 (longer windows are trusted more).
  public var confidence: Double

  /// The strategy for `timeframe` with default parameters.
  public init(_ timeframe: MomentumTimeframe) {
    self.timeframe = timeframe
    thresholdPct = timeframe.defaultThresholdPct
    fullStrengthPct = 3 * timeframe.defaultThresholdPct
    switch timeframe {
    case .oneMinute: confidence = 0.35
    case .fiveMinutes: confidence = 0.4
    case .fifteenMinutes: confidence = 0.45
    case .oneHour: confidence = 0.5
    }
  }

  public var id: StrategyID {
    switch timeframe {
    case .oneMinute: StrategyID(51)
    case .fiveMinutes: StrategyID(52)
    case .fifteenMinutes: StrategyID(53)
    case .oneHour: StrategyID(54)
    }
  }

  public var name: String { "\(timeframe.label) momentum" }
  public var rule: String {
    let t = ReasonText.fixed(thresholdPct)
    return "BUY when the price rose ≥ \(t) % over the last \(timeframe.label), SELL when it fell ≥ \(t) %"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("thresholdPct", thresholdPct, unit: "%", "move that fires"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "move giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a momentum reading"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let momentum = timeframe.momentum(in: context.snapshot) else {
      switch timeframe {
      case .oneMinute: return missing("1m momentum unavailable (history too short or candles longer than 1 minute)")
      case .fiveMinutes: return missing("5m momentum unavailable (history too short or candles longer than 5 minutes)")
      case .fifteenMinutes:
        return missing("15m momentum unavailable (history too short or candles longer than 15 minutes)")
      case .oneHour: return missing("1h momentum unavailable (history too short or candles longer than 1 hour)")
      }
    }
    let evidence = SignalEvidence(momentum, thresholdPct)
    guard abs(momentum) >= thresholdPct else { return hold(confidence: confidence, evidence) }
    return signal(
      direction: momentum, strength: StrategyMath.grade(abs(momentum), full: fullStrengthPct),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let comparison = signal.action == .hold ? "within ±" : "beyond ±"
      return
        "\(timeframe.label) momentum \(ReasonText.signedPercent(e.primary)) \(comparison)\(ReasonText.percent(e.reference))"
    }
  }
}

/// P55 — momentum convergence: every available timeframe moves the same way.
///
/// Uses the timeframes that are available (at least `minTimeframes`); each must move at least
/// `minMovePct` in the same direction. Strength is the mean of each move divided by its
/// timeframe's P51–P54 threshold; confidence scales with the share of the four timeframes seen.
/// Evidence: agreeing timeframes, available timeframes, mean normalised move.
public struct MomentumConvergenceStrategy: Strategy {
  /// Fewest available timeframes for a reading.
  public var minTimeframes = 2.0
  /// Smallest move, percent, that counts as a direction on any timeframe.
  public var minMovePct = 0.05
  /// Mean normalised move (move / timeframe threshold) at which strength reaches 1.
  public var fullStrength = 1.0
  /// Confidence with all four timeframes agreeing, 0–1.
  public var confidence = 0.5

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(55) }
  public var name: String { "Multi-timeframe momentum convergence" }
  public var rule: String {
    "BUY when every available timeframe (1m, 5m, 15m, 1h; at least \(ReasonText.fixed(minTimeframes, 0))) rose ≥ "
      + "\(ReasonText.fixed(minMovePct)) %, SELL when every one fell"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minTimeframes", minTimeframes, unit: "timeframes", "fewest available timeframes"),
      StrategyParameter("minMovePct", minMovePct, unit: "%", "smallest move that counts as a direction"),
      StrategyParameter("fullStrength", fullStrength, unit: "× threshold", "mean normalised move giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence with all four timeframes"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    // Unrolled over the four windows (no `allCases` array on the hot path).
    var tally = MomentumTally(minMovePct: minMovePct)
    tally.add(context.snapshot.momentum1mPct, .oneMinute)
    tally.add(context.snapshot.momentum5mPct, .fiveMinutes)
    tally.add(context.snapshot.momentum15mPct, .fifteenMinutes)
    tally.add(context.snapshot.momentum1hPct, .oneHour)
    let (available, rising, falling, normalised) = (tally.available, tally.rising, tally.falling, tally.normalised)
    guard available >= max(1, minTimeframes) else {
      return missing("too few momentum timeframes available (1m, 5m, 15m, 1h)")
    }
    let meanMove = normalised / available
    let scaledConfidence = confidence * available / 4
    let strength = StrategyMath.grade(meanMove, full: fullStrength)
    if rising == available {
      return buy(strength, confidence: scaledConfidence, SignalEvidence(rising, available, meanMove))
    }
    if falling == available {
      return sell(strength, confidence: scaledConfidence, SignalEvidence(falling, available, meanMove))
    }
    return hold(confidence: scaledConfidence, SignalEvidence(max(rising, falling), available, meanMove))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict = signal.action == .buy ? "rising" : (signal.action == .sell ? "falling" : "agreeing")
      return "\(ReasonText.fixed(e.primary, 0)) of \(ReasonText.fixed(e.reference, 0)) timeframes \(verdict), "
        + "mean move \(ReasonText.fixed(e.secondary))× threshold"
    }
  }
}

/// Counts of the momentum windows seen by P55.
private struct MomentumTally {
  let minMovePct: Double
  var available = 0.0, rising = 0.0, falling = 0.0, normalised = 0.0

  init(minMovePct: Double) { self.minMovePct = minMovePct }

  mutating func add(_ momentum: Double?, _ timeframe: MomentumTimeframe) {
    guard let momentum else { return }
    available += 1
    if momentum >= minMovePct { rising += 1 }
    if momentum <= -minMovePct { falling += 1 }
    normalised += abs(momentum) / timeframe.defaultThresholdPct
  }
}

/// P56 — short-against-long divergence read as a pullback inside a trend.
///
/// 1 h momentum between `minTrendPct` and `maxTrendPct` with 5 m momentum ≤ −`minPullbackPct`
/// BUYs the dip; the mirror image SELLs the bounce. Beyond `maxTrendPct` P60 takes over.
/// Evidence: 1 h momentum, 5 m momentum.
public struct MomentumPullbackStrategy: Strategy {
  /// Smallest 1 h trend, percent.
  public var minTrendPct = 1.0
  /// Largest 1 h trend, percent (beyond it the move is an extreme, see P60).
  public var maxTrendPct = 5.0
  /// Smallest 5 m counter-move, percent.
  public var minPullbackPct = 0.3
  /// Counter-move at which strength reaches 1, percent.
  public var fullStrengthPct = 1.0
  /// Confidence of a pullback, 0–1.
  public var confidence = 0.35

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(56) }
  public var name: String { "Short vs long momentum divergence" }
  public var rule: String {
    "BUY when 1h momentum is +\(ReasonText.fixed(minTrendPct, 1))…+\(ReasonText.fixed(maxTrendPct, 1)) % and 5m momentum ≤ "
      + "-\(ReasonText.fixed(minPullbackPct, 1)) %, SELL for the mirror image"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minTrendPct", minTrendPct, unit: "%", "smallest 1h trend"),
      StrategyParameter("maxTrendPct", maxTrendPct, unit: "%", "largest 1h trend"),
      StrategyParameter("minPullbackPct", minPullbackPct, unit: "%", "smallest 5m counter-move"),
      StrategyParameter("fullStrengthPct", fullStrengthPct, unit: "%", "counter-move giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–1", "confidence of a pullback"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let long = context.snapshot.momentum1hPct else { return missing("1h momentum unavailable") }
    guard let short = context.snapshot.momentum5mPct else { return missing("5m momentum unavailable") }
    let evidence = SignalEvidence(long, short)
    let inTrend = abs(long) >= minTrendPct && abs(long) <= maxTrendPct
    guard inTrend, abs(short) >= minPullbackPct, (long > 0) != (short > 0) else {
      return hold(confidence: confidence, evidence)
    }
    return signal(
      direction: long, strength: StrategyMath.grade(abs(short), full: fullStrengthPct), confidence: confidence, evidence
    )
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let verdict =
        signal.action == .buy ? "dip in an uptrend" : (signal.action == .sell ? "bounce in a downtrend" : "no pullback")
      return "\(verdict): 1h \(ReasonText.signedPercent(e.primary)), 5m \(ReasonText.signedPercent(e.reference))"
    }
  }
}
