// Cosmic strategies P66–P70: solar flares, geomagnetic storms, Schumann resonance, lunar phase
// and the "cosmic alignment" score.
//
// None of these inputs is market evidence. The seed asks for them, so they are here, but every
// one is capped at confidence `CosmicStrategyLimits.maxConfidence` (0.3, defaults 0.1–0.2), the
// aggregator weighs the whole category at 0.25 by default, and a missing feed is reported as
// missing — never replaced by an invented value. The trading rules below are folklore, stated
// plainly so that a reader can judge them.

/// Limits shared by the cosmic strategies.
public enum CosmicStrategyLimits {
  /// The highest confidence any cosmic strategy reports, whatever its parameter says.
  public static let maxConfidence = 0.3

  /// `confidence` capped at `maxConfidence` (and at 0 from below).
  static func capped(_ confidence: Double) -> Double { min(maxConfidence, max(0, confidence)) }
}

/// P66 — solar flare impact: a recent M-class or stronger flare SELLs (risk-off folklore).
///
/// Fires when the latest flare's peak 0.1–0.8 nm flux ≥ `minFluxWm2` and it peaked ≤
/// `windowHours` ago; strength grows with the flux (X1 = 10 × M1 gives 1) and fades over the
/// window. Not market evidence. Evidence: flux in W/m², hours since the peak.
public struct SolarFlareStrategy: Strategy {
  /// Smallest peak flux, W/m² (1e-5 is class M1).
  public var minFluxWm2 = 1e-5
  /// How long after the peak the flare counts, hours.
  public var windowHours = 24.0
  /// Confidence of the reading, 0–0.3.
  public var confidence = 0.15

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(66) }
  public var name: String { "Solar flare impact" }
  public var rule: String {
    "SELL within \(ReasonText.fixed(windowHours, 0)) h of a flare of class \(Self.flareClass(minFluxWm2)) or stronger (folklore, not market evidence)"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("minFluxWm2", minFluxWm2, unit: "W/m²", "smallest peak X-ray flux (1e-5 = M1)"),
      StrategyParameter("windowHours", windowHours, unit: "h", "how long after the peak the flare counts"),
      StrategyParameter("confidence", confidence, unit: "0–0.3", "confidence of the reading (capped at 0.3)"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let flux = context.cosmic.flareFlux, let hours = context.cosmic.hoursSinceFlare else {
      return missing("no solar data")
    }
    let evidence = SignalEvidence(flux, hours)
    let confidence = CosmicStrategyLimits.capped(confidence)
    guard flux >= minFluxWm2, hours >= 0, hours <= windowHours else { return hold(confidence: confidence, evidence) }
    let fade = windowHours > 0 ? 1 - hours / windowHours : 1
    let strength = max(StrategyMath.minimumStrength, StrategyMath.grade(flux / minFluxWm2, full: 10) * fade)
    return sell(strength, confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let flare = "\(Self.flareClass(e.primary)) flare \(ReasonText.fixed(e.reference, 1)) h ago"
      return signal.action == .sell
        ? "\(flare) (≥ \(Self.flareClass(minFluxWm2)) within \(ReasonText.fixed(windowHours, 0)) h; folklore, not market evidence)"
        : "latest \(flare): below \(Self.flareClass(minFluxWm2)) or outside \(ReasonText.fixed(windowHours, 0)) h"
    }
  }

  /// The GOES class of a 0.1–0.8 nm peak flux, e.g. `M2.4` for 2.4e-5 W/m².
  static func flareClass(_ flux: Double) -> String {
    let classes: [(letter: String, base: Double)] = [("X", 1e-4), ("M", 1e-5), ("C", 1e-6), ("B", 1e-7), ("A", 1e-8)]
    for (letter, base) in classes where flux >= base {
      return letter + ReasonText.fixed(flux / base, 1)
    }
    return "A" + ReasonText.fixed(flux / 1e-8, 1)
  }
}

/// P67 — geomagnetic storm: planetary Kp ≥ `stormKp` (NOAA G1 and above) SELLs (folklore).
///
/// Not market evidence. Evidence: Kp, threshold.
public struct GeomagneticStormStrategy: Strategy {
  /// Kp at which a storm begins (5 = G1).
  public var stormKp = 5.0
  /// Confidence of the reading, 0–0.3.
  public var confidence = 0.15

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(67) }
  public var name: String { "Geomagnetic Kp storm" }
  public var rule: String {
    "SELL when the planetary Kp index ≥ \(ReasonText.fixed(stormKp, 0)) (geomagnetic storm; folklore, not market evidence)"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("stormKp", stormKp, unit: "Kp", "Kp at which a storm begins (5 = G1)"),
      StrategyParameter("confidence", confidence, unit: "0–0.3", "confidence of the reading (capped at 0.3)"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let kp = context.cosmic.kpIndex else { return missing("no geomagnetic (Kp) data") }
    let evidence = SignalEvidence(kp, stormKp)
    let confidence = CosmicStrategyLimits.capped(confidence)
    guard kp >= stormKp else { return hold(confidence: confidence, evidence) }
    return sell(StrategyMath.grade(kp - stormKp + 1, full: 10 - stormKp), confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      guard signal.action == .sell else {
        return "Kp \(ReasonText.fixed(e.primary, 1)) < \(ReasonText.fixed(e.reference, 0)) (no storm)"
      }
      let scale = min(5, max(1, Int((e.primary - 4).rounded(.down))))
      return
        "Kp \(ReasonText.fixed(e.primary, 1)) ≥ \(ReasonText.fixed(e.reference, 0)) (G\(scale) storm; folklore, not market evidence)"
    }
  }
}

/// P68 — Schumann resonance: a fundamental far from 7.83 Hz is read as agitation (above: SELL)
/// or calm (below: BUY). Folklore, not market evidence.
///
/// No public Schumann feed exists, so this strategy is usually missing ("schumann data
/// unavailable"). Simulated values (the simulated market) are labelled as such in the reason,
/// use variant 1, and halve the confidence. Evidence: frequency in Hz, baseline, deviation.
public struct SchumannResonanceStrategy: Strategy {
  /// The textbook fundamental, Hz.
  public var baselineHz = 7.83
  /// Smallest deviation from the baseline that fires, Hz.
  public var minDeviationHz = 0.3
  /// Deviation beyond the threshold at which strength reaches 1, Hz.
  public var fullStrengthHz = 0.5
  /// Confidence of a measured reading, 0–0.3 (halved for simulated data).
  public var confidence = 0.1

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(68) }
  public var name: String { "Schumann resonance" }
  public var rule: String {
    "SELL when the Schumann fundamental is ≥ \(ReasonText.fixed(minDeviationHz)) Hz above \(ReasonText.fixed(baselineHz)) Hz, "
      + "BUY when as far below; neutral without data (folklore, not market evidence)"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("baselineHz", baselineHz, unit: "Hz", "textbook fundamental"),
      StrategyParameter("minDeviationHz", minDeviationHz, unit: "Hz", "deviation that fires"),
      StrategyParameter(
        "fullStrengthHz", fullStrengthHz, unit: "Hz", "deviation beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–0.3", "confidence of a measured reading (capped at 0.3)"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let frequency = context.cosmic.schumannFrequencyHz else { return missing("schumann data unavailable") }
    let simulated = context.cosmic.schumannSimulated
    let variant: UInt8 = simulated ? 1 : 0
    let confidence = CosmicStrategyLimits.capped(confidence) * (simulated ? 0.5 : 1)
    let deviation = frequency - baselineHz
    let evidence = SignalEvidence(frequency, baselineHz, deviation)
    guard abs(deviation) >= minDeviationHz else { return hold(confidence: confidence, evidence, variant: variant) }
    return signal(
      direction: -deviation, strength: StrategyMath.grade(abs(deviation) - minDeviationHz, full: fullStrengthHz),
      confidence: confidence, evidence, variant: variant)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let source = signal.code == .rule(variant: 1) ? "simulated, not measured" : "measured"
      let reading =
        "Schumann \(ReasonText.fixed(e.primary)) Hz (\(ReasonText.signed(e.secondary)) Hz from \(ReasonText.fixed(e.reference)) Hz; \(source))"
      return signal.action == .hold
        ? "\(reading): within ±\(ReasonText.fixed(minDeviationHz)) Hz" : "\(reading); folklore, not market evidence"
    }
  }
}

/// P69 — lunar phase: near new moon BUYs, near full moon SELLs (folklore, not market evidence).
///
/// Fires within `windowDeg` of phase angle 0° (new) or 180° (full); strength grows toward the
/// exact phase. Evidence: phase angle in degrees, distance to the nearer of new/full in degrees,
/// illuminated fraction (−1 when absent).
public struct LunarPhaseStrategy: Strategy {
  /// Half-width of the window around new and full moon, degrees of phase angle (12.2° ≈ 1 day).
  public var windowDeg = 30.0
  /// Confidence of the reading, 0–0.3.
  public var confidence = 0.1

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(69) }
  public var name: String { "Lunar phase" }
  public var rule: String {
    let w = ReasonText.fixed(windowDeg, 0)
    return "BUY within \(w)° of new moon, SELL within \(w)° of full moon (folklore, not market evidence)"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("windowDeg", windowDeg, unit: "degrees", "window around new and full moon"),
      StrategyParameter("confidence", confidence, unit: "0–0.3", "confidence of the reading (capped at 0.3)"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let rawAngle = context.cosmic.lunarPhaseAngleDeg, rawAngle.isFinite else {
      return missing("lunar phase unavailable")
    }
    var angle = rawAngle.truncatingRemainder(dividingBy: 360)
    if angle < 0 { angle += 360 }
    let illumination = context.cosmic.lunarIllumination ?? -1
    let confidence = CosmicStrategyLimits.capped(confidence)
    let fromNew = min(angle, 360 - angle)
    let fromFull = abs(angle - 180)
    if fromNew <= windowDeg {
      return buy(
        StrategyMath.grade(windowDeg - fromNew, full: windowDeg), confidence: confidence,
        SignalEvidence(angle, fromNew, illumination))
    }
    if fromFull <= windowDeg {
      return sell(
        StrategyMath.grade(windowDeg - fromFull, full: windowDeg), confidence: confidence,
        SignalEvidence(angle, fromFull, illumination))
    }
    return hold(confidence: confidence, SignalEvidence(angle, min(fromNew, fromFull), illumination))
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let lit = e.secondary >= 0 ? ", \(ReasonText.percent(e.secondary * 100, 0)) lit" : ""
      switch signal.action {
      case .buy:
        return
          "phase angle \(ReasonText.fixed(e.primary, 1))°, \(ReasonText.fixed(e.reference, 1))° from new moon\(lit) (folklore, not market evidence)"
      case .sell:
        return
          "phase angle \(ReasonText.fixed(e.primary, 1))°, \(ReasonText.fixed(e.reference, 1))° from full moon\(lit) (folklore, not market evidence)"
      case .hold:
        return
          "phase angle \(ReasonText.fixed(e.primary, 1))°, \(ReasonText.fixed(e.reference, 1))° from new or full moon\(lit)"
      }
    }
  }
}

/// P70 — cosmic alignment: the cosmic module's documented alignment score (−1…1, combining lunar
/// phase, Kp and flare class) ≥ `threshold` BUYs, ≤ −`threshold` SELLs. Not market evidence.
///
/// Evidence: alignment score, threshold.
public struct CosmicAlignmentStrategy: Strategy {
  /// |alignment| that fires, 0–1.
  public var threshold = 0.5
  /// Alignment beyond the threshold at which strength reaches 1.
  public var fullStrength = 0.5
  /// Confidence of the reading, 0–0.3.
  public var confidence = 0.1

  /// The strategy with default parameters.
  public init() {}

  public var id: StrategyID { StrategyID(70) }
  public var name: String { "Cosmic alignment" }
  public var rule: String {
    let t = ReasonText.fixed(threshold)
    return "BUY when the cosmic alignment score ≥ \(t), SELL when ≤ -\(t) (a defined composite, not market evidence)"
  }
  public var parameters: [StrategyParameter] {
    [
      StrategyParameter("threshold", threshold, unit: "score", "|alignment| that fires"),
      StrategyParameter(
        "fullStrength", fullStrength, unit: "score", "alignment beyond the threshold giving strength 1"),
      StrategyParameter("confidence", confidence, unit: "0–0.3", "confidence of the reading (capped at 0.3)"),
    ]
  }

  public func evaluate(_ context: StrategyContext) -> Signal {
    guard let alignment = context.cosmic.alignment, alignment.isFinite else {
      return missing("cosmic alignment unavailable")
    }
    let evidence = SignalEvidence(alignment, threshold)
    let confidence = CosmicStrategyLimits.capped(confidence)
    guard abs(alignment) >= threshold else { return hold(confidence: confidence, evidence) }
    return signal(
      direction: alignment, strength: StrategyMath.grade(abs(alignment) - threshold, full: fullStrength),
      confidence: confidence, evidence)
  }

  public func reason(for signal: Signal) -> String {
    describe(signal) { e in
      let comparison = signal.action == .hold ? "within ±" : "beyond ±"
      return
        "cosmic alignment \(ReasonText.signed(e.primary)) \(comparison)\(ReasonText.fixed(e.reference)) (not market evidence)"
    }
  }
}
