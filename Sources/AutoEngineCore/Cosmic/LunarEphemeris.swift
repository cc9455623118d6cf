/// Lunar phases computed from Meeus, *Astronomical Algorithms*, chapters 48 and 49 — no network.
///
/// * Phase instants (new, first quarter, full, last quarter): chapter 49's mean phase plus all of
///   its periodic and planetary corrections give the instant in Terrestrial Time (JDE); ΔT
///   (`DeltaT`) is subtracted to get UTC. Accuracy: Meeus quotes a mean error of 3.7 s
///   against ELP-2000/82; over the reference table of `shared/reference/cosmic.md` the worst
///   error is 10.6 s (the tests allow 15 s for instants given to the second, 60 s otherwise).
/// * Phase angle and illumination at any instant: chapter 48's eq. 48.4 (low-precision phase
///   angle from D, M, M′) and eq. 48.1.
///
/// Lunation numbers follow Meeus: lunation 0 starts with the new moon of 2000-01-06.
public enum LunarEphemeris {
  /// Mean length of a synodic month in days (Meeus 49.1).
  public static let synodicMonthDays = 29.530_588_861

  /// The Moon's state at `time`: phase angle, illumination, name, age and next phases.
  public static func state(at time: UnixTime) -> LunarState {
    let angle = phaseAngleDegrees(at: time)
    let previousNew = previous(.newMoon, atOrBefore: time).time
    return LunarState(
      time: time,
      phaseAngleDegrees: angle,
      illumination: illumination(phaseAngleDegrees: angle),
      phaseName: LunarPhaseName(phaseAngleDegrees: angle),
      ageDays: time.since(previousNew) / 86_400,
      previousNewMoon: previousNew,
      nextNewMoon: next(.newMoon, after: time).time,
      nextFullMoon: next(.fullMoon, after: time).time)
  }

  /// The instant (UTC) of `phase` in lunation `lunation` (Meeus's k without the fraction).
  public static func instant(of phase: PrincipalLunarPhase, lunation: Int) -> UnixTime {
    let jde = MeeusPhaseSeries.julianEphemerisDay(lunation: lunation, phase: phase)
    return JulianDay(jde - DeltaT.seconds(at: JulianDay(jde)) / 86_400).unixTime
  }

  /// The instant in Terrestrial Time, as a Julian Ephemeris Day, of `phase` in `lunation`
  /// (the raw chapter-49 result, before ΔT).
  public static func julianEphemerisDay(of phase: PrincipalLunarPhase, lunation: Int) -> Double {
    MeeusPhaseSeries.julianEphemerisDay(lunation: lunation, phase: phase)
  }

  /// The first `phase` strictly after `time` (`time` must be finite and within ±80,000 years).
  public static func next(_ phase: PrincipalLunarPhase, after time: UnixTime) -> LunarPhaseEvent {
    let events = candidates(phase, around: time)
    return events.first { $0.time > time } ?? events[events.count - 1]
  }

  /// The last `phase` at or before `time` (`time` must be finite and within ±80,000 years).
  public static func previous(_ phase: PrincipalLunarPhase, atOrBefore time: UnixTime) -> LunarPhaseEvent {
    let events = candidates(phase, around: time)
    return events.last { $0.time <= time } ?? events[0]
  }

  /// Every principal phase with `start <= time < end`, in time order.
  public static func phases(from start: UnixTime, to end: UnixTime) -> [LunarPhaseEvent] {
    guard start < end else { return [] }
    let first = estimatedLunation(at: start) - 1
    let last = estimatedLunation(at: end) + 1
    var events: [LunarPhaseEvent] = []
    for lunation in first...last {
      for phase in PrincipalLunarPhase.allCases {
        let time = instant(of: phase, lunation: lunation)
        if time >= start && time < end {
          events.append(LunarPhaseEvent(phase: phase, time: time, lunation: lunation))
        }
      }
    }
    return events.sorted()
  }

  /// The Moon's elongation from the Sun in degrees, 0 ≤ a < 360 (0 new, 90 first quarter,
  /// 180 full, 270 last quarter): `180° − i` with `i` from Meeus eq. 48.4,
  /// `i = 180 − D − 6.289 sin M′ + 2.100 sin M − 1.274 sin(2D − M′) − 0.658 sin 2D
  ///  − 0.214 sin 2M′ − 0.110 sin D`, where D, M, M′ are the mean elongation, the Sun's and the
  /// Moon's mean anomalies (Meeus 47.2–47.4) at the instant in TT.
  public static func phaseAngleDegrees(at time: UnixTime) -> Double {
    let utc = JulianDay(time)
    let jde = utc.value + DeltaT.seconds(at: utc) / 86_400
    let t = (jde - JulianDay.j2000) / 36_525
    let t2 = t * t
    let t3 = t2 * t
    let t4 = t3 * t
    let d = 297.850_192_1 + 445_267.111_403_4 * t - 0.001_881_9 * t2 + t3 / 545_868 - t4 / 113_065_000
    let m = 357.529_109_2 + 35_999.050_290_9 * t - 0.000_153_6 * t2 + t3 / 24_490_000
    let mPrime =
      134.963_396_4 + 477_198.867_505_5 * t + 0.008_741_4 * t2 + t3 / 69_699 - t4 / 14_712_000
    let elongation =
      d + 6.289 * sin(mPrime) - 2.100 * sin(m) + 1.274 * sin(2 * d - mPrime) + 0.658 * sin(2 * d)
      + 0.214 * sin(2 * mPrime) + 0.110 * sin(d)
    var angle = elongation.truncatingRemainder(dividingBy: 360)
    if angle < 0 { angle += 360 }
    return angle >= 360 ? 0 : angle
  }

  /// Illuminated fraction of the Moon's disc at `time`, 0…1.
  public static func illumination(at time: UnixTime) -> Double {
    illumination(phaseAngleDegrees: phaseAngleDegrees(at: time))
  }

  /// Illuminated fraction for an elongation in degrees: `(1 − cos a) / 2`.
  static func illumination(phaseAngleDegrees angle: Double) -> Double {
    min(1, max(0, (1 - ElementaryFunctions.cos(degrees: angle)) / 2))
  }

  /// The lunation whose new moon is at or just before `time` by the mean cycle (may be off by one),
  /// limited to ±1,000,000 lunations (about ±80,000 years); 0 for a non-finite time.
  static func estimatedLunation(at time: UnixTime) -> Int {
    let lunations = ((JulianDay(time).value - 2_451_550.097_66) / synodicMonthDays).rounded(.down)
    guard lunations.isFinite else { return 0 }
    return Int(min(1_000_000, max(-1_000_000, lunations)))
  }

  /// `phase` instants in the lunations around `time`, in time order; always includes one at or
  /// before `time` and one after it (the mean cycle errs by well under a lunation).
  private static func candidates(_ phase: PrincipalLunarPhase, around time: UnixTime) -> [LunarPhaseEvent] {
    let center = estimatedLunation(at: time)
    return ((center - 2)...(center + 2)).map {
      LunarPhaseEvent(phase: phase, time: instant(of: phase, lunation: $0), lunation: $0)
    }
  }

  private static func sin(_ degrees: Double) -> Double { ElementaryFunctions.sin(degrees: degrees) }
}
