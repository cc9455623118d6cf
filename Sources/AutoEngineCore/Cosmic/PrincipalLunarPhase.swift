/// One of the four instants of a lunation that Meeus chapter 49 computes.
///
/// Each is defined by the Moon's geocentric longitude minus the Sun's: 0° new moon, 90° first
/// quarter, 180° full moon, 270° last quarter.
public enum PrincipalLunarPhase: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// Moon and Sun in conjunction (elongation 0°).
  case newMoon = "new moon"
  /// Elongation 90°: half the disc lit, waxing.
  case firstQuarter = "first quarter"
  /// Moon and Sun in opposition (elongation 180°).
  case fullMoon = "full moon"
  /// Elongation 270°: half the disc lit, waning.
  case lastQuarter = "last quarter"

  /// Fraction of a lunation after new moon: 0, 0.25, 0.5, 0.75 (Meeus's k offsets).
  public var lunationFraction: Double {
    switch self {
    case .newMoon: 0
    case .firstQuarter: 0.25
    case .fullMoon: 0.5
    case .lastQuarter: 0.75
    }
  }

  /// The elongation of this phase in degrees: 0, 90, 180, 270.
  public var phaseAngleDegrees: Double { lunationFraction * 360 }

  public var description: String { rawValue }
}
