/// A Julian Day number: days (with fraction) since noon UT on 4713 BC January 1 (Julian calendar).
///
/// Astronomical formulas count time this way. A `JulianDay` here is on the UTC time scale (as Unix
/// time is); Meeus's JDE (Julian Ephemeris Day) is on Terrestrial Time and differs by ΔT — see
/// `DeltaT`. A `Double` JD near the present resolves about 40 µs.
public struct JulianDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since the Julian Day epoch, e.g. 2451545.0 for 2000-01-01 12:00 UTC.
  public var value: Double

  /// Creates a Julian Day from its number of days.
  public init(_ value: Double) { self.value = value }

  /// The Julian Day of a Unix time: `seconds / 86400 + 2440587.5`.
  public init(_ time: UnixTime) { value = time.seconds / 86_400 + Self.unixEpoch }

  /// The Unix time of this Julian Day.
  public var unixTime: UnixTime { UnixTime(seconds: (value - Self.unixEpoch) * 86_400) }

  /// The Julian Day of 1970-01-01T00:00:00Z, 2440587.5.
  public static let unixEpoch = 2_440_587.5

  /// The Julian Day of the J2000.0 epoch, 2000-01-01 12:00 (2451545.0).
  public static let j2000 = 2_451_545.0

  /// This day as a decimal year (Julian years of 365.25 days from J2000.0), e.g. 2025.04.
  public var decimalYear: Double { 2000 + (value - Self.j2000) / 365.25 }

  public static func < (lhs: JulianDay, rhs: JulianDay) -> Bool { lhs.value < rhs.value }

  public var description: String { "JD \(value)" }
}
