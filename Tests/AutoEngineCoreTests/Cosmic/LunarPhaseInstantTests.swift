import Testing

@testable import AutoEngineCore

/// Phase instants (Meeus ch. 49) against the reference table of `shared/reference/cosmic.md`
/// and against Meeus's worked examples.
@Suite("Lunar phase instants")
struct LunarPhaseInstantTests {
  /// A reference instant: phase, UTC text, and whether the text has seconds.
  struct Reference: CustomStringConvertible {
    var phase: PrincipalLunarPhase
    var utc: String
    var time: UnixTime { UTCDateTime.parseRFC3339(utc)! }
    var description: String { "\(phase) \(utc)" }
  }

  static let references: [Reference] = [
    Reference(phase: .newMoon, utc: "2024-01-11T11:57:00Z"),
    Reference(phase: .newMoon, utc: "2024-04-08T18:21:00Z"),
    Reference(phase: .newMoon, utc: "2025-01-29T12:35:55Z"),
    Reference(phase: .newMoon, utc: "2025-03-29T10:57:47Z"),
    Reference(phase: .newMoon, utc: "2025-09-21T19:54:04Z"),
    Reference(phase: .newMoon, utc: "2025-12-20T01:43:17Z"),
    Reference(phase: .newMoon, utc: "2026-02-17T12:01:00Z"),
    Reference(phase: .fullMoon, utc: "2024-01-25T17:54:00Z"),
    Reference(phase: .fullMoon, utc: "2024-04-23T23:49:00Z"),
    Reference(phase: .fullMoon, utc: "2025-01-13T22:26:51Z"),
    Reference(phase: .fullMoon, utc: "2025-03-14T06:54:35Z"),
    Reference(phase: .fullMoon, utc: "2025-09-07T18:08:49Z"),
    Reference(phase: .fullMoon, utc: "2026-01-03T10:03:00Z"),
    Reference(phase: .fullMoon, utc: "2026-03-03T11:38:00Z"),
  ]

  /// Error in seconds of the computed instant nearest to the reference.
  static func error(of reference: Reference) -> Double {
    let computed = LunarEphemeris.next(reference.phase, after: reference.time.adding(-86_400)).time
    return computed.since(reference.time)
  }

  @Test("every reference instant is met within 60 s", arguments: references)
  func referenceInstant(_ reference: Reference) {
    let error = Self.error(of: reference)
    #expect(abs(error) < 60, "\(reference): off by \(error) s")
  }

  @Test("instants given to the second are met within 15 s", arguments: references.filter { !$0.utc.hasSuffix(":00Z") })
  func referenceInstantToTheSecond(_ reference: Reference) {
    let error = Self.error(of: reference)
    #expect(abs(error) < 15, "\(reference): off by \(error) s")
  }

  @Test("Meeus example 49.a: new moon of 1977 February, k = −283, JDE 2443192.65118")
  func meeusNewMoonExample() {
    let jde = LunarEphemeris.julianEphemerisDay(of: .newMoon, lunation: -283)
    #expect(abs(jde - 2_443_192.651_18) < 0.000_01)
  }

  @Test("Meeus example 49.b: first last quarter of 2044, k = 544.75, JDE 2467636.49186")
  func meeusLastQuarterExample() {
    let jde = LunarEphemeris.julianEphemerisDay(of: .lastQuarter, lunation: 544)
    #expect(abs(jde - 2_467_636.491_86) < 0.000_01)
  }

  @Test("ΔT is subtracted: the UTC instant is 69 s before the TT instant in 2025")
  func deltaTApplied() {
    let jde = LunarEphemeris.julianEphemerisDay(of: .fullMoon, lunation: 312)
    let utc = LunarEphemeris.instant(of: .fullMoon, lunation: 312)
    #expect(abs(JulianDay(jde).unixTime.since(utc) - 69) < 0.001)
  }

  @Test("lunation 0 is the new moon of 2000-01-06 near 18:14 UTC")
  func lunationZero() {
    let time = LunarEphemeris.instant(of: .newMoon, lunation: 0)
    #expect(time.utc.dateText == "2000-01-06")
    #expect(abs(time.since(UTCDateTime.parseRFC3339("2000-01-06T18:14:00Z")!)) < 120)
  }
}
