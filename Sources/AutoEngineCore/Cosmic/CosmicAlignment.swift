/// The engine's "cosmic alignment" score: a defined combination of lunar phase, geomagnetic
/// activity and solar X-ray level, in −1…1.
///
/// This is not a measured quantity and has no established effect on prices; it exists because the
/// seed asks for a "cosmic alignment factor", and it is defined here so that it is reproducible
/// and explainable. Positive means "calm sky near new moon", negative "stormy sky near full moon".
///
/// ```
/// lunar       L = cos(phase angle)                  +1 at new moon, −1 at full moon
/// geomagnetic G = clamp((4.5 − Kp) / 4.5, −1, 1)    +1 at Kp 0, 0 at Kp 4.5, −1 at Kp 9
/// solar       S = clamp(−(log10(flux) + 6) / 2, −1, 1)
///                                                   +1 at A1 (1e-8 W/m²), 0 at C1, −1 at X1
/// score       = 0.5·L + 0.3·G + 0.2·S               in −1…1 (weights sum to 1)
/// ```
///
/// The lunar sign follows the "moonstruck" finding (Yuan, Zheng & Zhu 2006: returns around new
/// moons exceeded those around full moons), the geomagnetic one studies of lower returns after
/// geomagnetic storms (Krivelyova & Robotti 2003); the solar term simply reads quiet as positive.
/// The flux is `SolarActivity.effectiveXrayFlux` (current flux, else the latest flare's class).
/// The score is absent when solar activity, Kp or an X-ray level is missing.
public struct CosmicAlignment: Hashable, Sendable {
  /// Lunar term L, −1…1.
  public var lunarTerm: Double
  /// Geomagnetic term G, −1…1.
  public var geomagneticTerm: Double
  /// Solar X-ray term S, −1…1.
  public var solarTerm: Double

  /// Weights of L, G and S in the score.
  public static let weights = (lunar: 0.5, geomagnetic: 0.3, solar: 0.2)

  /// Creates a score from its three terms (each clamped to −1…1).
  public init(lunarTerm: Double, geomagneticTerm: Double, solarTerm: Double) {
    self.lunarTerm = Self.clamp(lunarTerm)
    self.geomagneticTerm = Self.clamp(geomagneticTerm)
    self.solarTerm = Self.clamp(solarTerm)
  }

  /// The score for a lunar state and solar report, or `nil` when `solar` is missing or lacks a
  /// finite Kp or a positive X-ray level.
  public init?(lunar: LunarState, solar: SolarActivity?) {
    guard let solar, let kp = solar.kpIndex, kp.isFinite, let flux = solar.effectiveXrayFlux,
      flux.isFinite, flux > 0, lunar.phaseAngleDegrees.isFinite
    else { return nil }
    self.init(
      lunarTerm: ElementaryFunctions.cos(degrees: lunar.phaseAngleDegrees),
      geomagneticTerm: (4.5 - kp) / 4.5,
      solarTerm: -(ElementaryFunctions.log10(flux) + 6) / 2)
  }

  /// The score, −1…1: `0.5·L + 0.3·G + 0.2·S`.
  public var score: Double {
    Self.clamp(
      Self.weights.lunar * lunarTerm + Self.weights.geomagnetic * geomagneticTerm
        + Self.weights.solar * solarTerm)
  }

  private static func clamp(_ x: Double) -> Double { x.isNaN ? 0 : min(1, max(-1, x)) }
}
