/// One principal phase instant: which phase, when (UTC), and its lunation number.
public struct LunarPhaseEvent: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The phase reached.
  public var phase: PrincipalLunarPhase
  /// The instant, in UTC (ΔT applied).
  public var time: UnixTime
  /// Meeus's lunation number k (integer part): 0 is the lunation starting with the new moon of
  /// 2000-01-06, negative before it.
  public var lunation: Int

  /// Creates an event.
  public init(phase: PrincipalLunarPhase, time: UnixTime, lunation: Int) {
    self.phase = phase
    self.time = time
    self.lunation = lunation
  }

  public static func < (lhs: LunarPhaseEvent, rhs: LunarPhaseEvent) -> Bool { lhs.time < rhs.time }

  public var description: String { "\(phase) \(time.rfc3339)" }
}
