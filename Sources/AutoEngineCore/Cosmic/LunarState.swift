/// The Moon as seen from the Earth at one instant: phase angle, illumination, name, age, and the
/// next principal phases.
///
/// Produced by `LunarEphemeris.state(at:)`. All instants are UTC.
public struct LunarState: Hashable, Sendable {
  /// The instant described.
  public var time: UnixTime
  /// The Moon's elongation from the Sun along the ecliptic, in degrees, 0 ≤ a < 360:
  /// 0 new moon, 90 first quarter, 180 full moon, 270 last quarter (increasing through the
  /// lunation). Computed as `180° − i`, with `i` the phase angle of Meeus eq. 48.4 (the
  /// Sun–Moon–Earth angle from the mean elongation D plus the six largest periodic terms);
  /// accurate to about 0.2°, i.e. within about 25 minutes of the chapter-49 instants.
  public var phaseAngleDegrees: Double
  /// Illuminated fraction of the disc, 0…1: `(1 + cos i) / 2` (Meeus eq. 48.1), which equals
  /// `(1 − cos phaseAngleDegrees) / 2`.
  public var illumination: Double
  /// The conventional name, from equal 45° sectors of `phaseAngleDegrees` (see `LunarPhaseName`).
  public var phaseName: LunarPhaseName
  /// Days since `previousNewMoon`, 0 ≤ age < ~29.8.
  public var ageDays: Double
  /// The latest new moon at or before `time`.
  public var previousNewMoon: UnixTime
  /// The first new moon strictly after `time`.
  public var nextNewMoon: UnixTime
  /// The first full moon strictly after `time`.
  public var nextFullMoon: UnixTime

  /// Creates a state from all its fields (normally done by `LunarEphemeris.state(at:)`).
  public init(
    time: UnixTime, phaseAngleDegrees: Double, illumination: Double, phaseName: LunarPhaseName,
    ageDays: Double, previousNewMoon: UnixTime, nextNewMoon: UnixTime, nextFullMoon: UnixTime
  ) {
    self.time = time
    self.phaseAngleDegrees = phaseAngleDegrees
    self.illumination = illumination
    self.phaseName = phaseName
    self.ageDays = ageDays
    self.previousNewMoon = previousNewMoon
    self.nextNewMoon = nextNewMoon
    self.nextFullMoon = nextFullMoon
  }

  /// Whether the lit part is growing (phase angle below 180°).
  public var isWaxing: Bool { phaseAngleDegrees < 180 }
}
