import Testing

@testable import AutoEngineCore

@Suite("Time scales: Julian Day, ΔT, UTC calendar")
struct TimeScaleTests {
  @Test("Julian Day ↔ Unix time")
  func julianDay() {
    #expect(JulianDay(UnixTime(seconds: 0)).value == 2_440_587.5)
    #expect(JulianDay(UnixTime(seconds: 946_728_000)).value == JulianDay.j2000)
    #expect(JulianDay(2_451_545.25).unixTime.seconds == 946_749_600)
    #expect(abs(JulianDay(JulianDay.j2000 + 365.25 * 25).decimalYear - 2025) < 1e-12)
    #expect(JulianDay(1) < JulianDay(2))
  }

  @Test("ΔT is 69 s in 2020–2030, follows observations before, and is continuous")
  func deltaT() {
    #expect(DeltaT.seconds(atYear: 2020) == 69)
    #expect(DeltaT.seconds(atYear: 2025.3) == 69)
    #expect(DeltaT.seconds(atYear: 2030) == 69)
    #expect(DeltaT.seconds(atYear: 2000) == 63.83)
    #expect(abs(DeltaT.seconds(atYear: 2012.5) - (66.07 + 67.64) / 2) < 1e-9)
    #expect(abs(DeltaT.seconds(atYear: 1900) - -2.79) < 1e-9)
    #expect(DeltaT.seconds(atYear: 2050) > 90 && DeltaT.seconds(atYear: 2050) < 100)
    for boundary in [1900.0, 2020, 2030] {
      #expect(abs(DeltaT.seconds(atYear: boundary - 1e-6) - DeltaT.seconds(atYear: boundary + 1e-6)) < 0.01)
    }
    #expect(DeltaT.seconds(at: JulianDay(UnixTime(seconds: 1_735_689_600))) == 69)
  }

  @Test("UTC fields of Unix times, including before 1970 and leap days")
  func utcFields() {
    #expect(UTCDateTime(UnixTime(seconds: 0)) == UTCDateTime(year: 1970, month: 1, day: 1))
    #expect(
      UTCDateTime(UnixTime(seconds: 1_709_210_096.9))
        == UTCDateTime(year: 2024, month: 2, day: 29, hour: 12, minute: 34, second: 56))
    #expect(
      UTCDateTime(UnixTime(seconds: -1))
        == UTCDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59))
    #expect(UTCDateTime(UnixTime(seconds: 951_782_400)).dateText == "2000-02-29")
    for seconds in stride(from: -3_000_000_000.0, to: 5_000_000_000, by: 77_777_777) {
      let time = UnixTime(seconds: seconds)
      #expect(time.utc.unixTime == time)
    }
  }

  @Test("text forms: HH:mm:ss and RFC 3339")
  func textForms() {
    let time = UnixTime(seconds: 1_736_807_211)
    #expect(time.rfc3339 == "2025-01-13T22:26:51Z")
    #expect(time.utcTimeOfDayText == "22:26:51")
    #expect(UnixTime(seconds: 43_450).utcTimeOfDayText == "12:04:10")
    #expect(time.utc.description == "2025-01-13T22:26:51Z")
  }

  @Test("start and end of the UTC day")
  func utcDay() {
    let time = UnixTime(seconds: 1_736_807_211.5)
    #expect(time.startOfUTCDay.rfc3339 == "2025-01-13T00:00:00Z")
    #expect(time.nextUTCMidnight.rfc3339 == "2025-01-14T00:00:00Z")
    #expect(UnixTime(seconds: 1_736_726_400).nextUTCMidnight.rfc3339 == "2025-01-14T00:00:00Z")
  }

  @Test("RFC 3339 parsing: Z, offsets, fractions; garbage is nil")
  func parsing() {
    #expect(UTCDateTime.parseRFC3339("2025-01-13T22:26:51Z")?.seconds == 1_736_807_211)
    #expect(UTCDateTime.parseRFC3339("2025-01-13t22:26:51z")?.seconds == 1_736_807_211)
    #expect(UTCDateTime.parseRFC3339("2025-01-13 22:26:51Z")?.seconds == 1_736_807_211)
    #expect(UTCDateTime.parseRFC3339("2025-01-13T23:26:51+01:00")?.seconds == 1_736_807_211)
    #expect(UTCDateTime.parseRFC3339("2025-01-13T21:26:51-01:00")?.seconds == 1_736_807_211)
    #expect(UTCDateTime.parseRFC3339("2025-01-13T22:26:51.250Z")?.seconds == 1_736_807_211.25)
    for bad in [
      "2025-01-13T22:26:51", "2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2025-01-13T24:00:00Z",
      "2025-01-13T22:26:51Zx", "2025-1-13T22:26:51Z", "2025-01-13T22:26:51.Z", "yesterday", "",
    ] {
      #expect(UTCDateTime.parseRFC3339(bad) == nil, "\(bad)")
    }
    #expect(UTCDateTime.parseRFC3339("2024-02-29T00:00:00Z") != nil)
  }
}
