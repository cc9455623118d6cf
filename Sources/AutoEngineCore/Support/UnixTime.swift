/// A point in time as seconds since 1970-01-01T00:00:00Z (UTC), with fractional seconds.
///
/// The domain core never reads a clock: every function that depends on time takes one of these.
/// `Double` seconds keep sub-millisecond precision for dates within millennia of 1970.
public struct UnixTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Seconds since the Unix epoch (UTC).
  public var seconds: Double

  /// Creates a time from seconds since the Unix epoch.
  public init(seconds: Double) { self.seconds = seconds }

  public static func < (lhs: UnixTime, rhs: UnixTime) -> Bool { lhs.seconds < rhs.seconds }

  /// This time moved by `interval` seconds.
  public func adding(_ interval: Double) -> UnixTime { UnixTime(seconds: seconds + interval) }

  /// Seconds from `other` to `self` (positive when `self` is later).
  public func since(_ other: UnixTime) -> Double { seconds - other.seconds }

  public var description: String { "\(seconds)" }
}
