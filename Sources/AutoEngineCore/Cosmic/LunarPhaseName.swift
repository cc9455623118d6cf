/// The conventional name of the Moon's phase, one of eight.
///
/// Boundaries are equal 45° sectors of the phase angle (the Moon's elongation from the Sun,
/// see `LunarState.phaseAngleDegrees`), each centred on its phase:
///
/// | name | phase angle |
/// | --- | --- |
/// | new moon | 337.5° ≤ a < 360° or 0° ≤ a < 22.5° |
/// | waxing crescent | 22.5° ≤ a < 67.5° |
/// | first quarter | 67.5° ≤ a < 112.5° |
/// | waxing gibbous | 112.5° ≤ a < 157.5° |
/// | full moon | 157.5° ≤ a < 202.5° |
/// | waning gibbous | 202.5° ≤ a < 247.5° |
/// | last quarter | 247.5° ≤ a < 292.5° |
/// | waning crescent | 292.5° ≤ a < 337.5° |
///
/// So each named principal phase lasts about 3.7 days around its instant.
public enum LunarPhaseName: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  case newMoon = "new moon"
  case waxingCrescent = "waxing crescent"
  case firstQuarter = "first quarter"
  case waxingGibbous = "waxing gibbous"
  case fullMoon = "full moon"
  case waningGibbous = "waning gibbous"
  case lastQuarter = "last quarter"
  case waningCrescent = "waning crescent"

  /// The name for a phase angle in degrees (any value; it is normalised to 0…360 first).
  /// A non-finite angle gives `.newMoon`.
  public init(phaseAngleDegrees angle: Double) {
    guard angle.isFinite else {
      self = .newMoon
      return
    }
    var normalised = angle.truncatingRemainder(dividingBy: 360)
    if normalised < 0 { normalised += 360 }
    let sector = Int(((normalised + 22.5) / 45).rounded(.down)) % 8
    self = Self.allCases[sector]
  }

  public var description: String { rawValue }
}
