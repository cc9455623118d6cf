import Testing

@testable import AutoEngineCore

@Suite("Lunar state")
struct LunarStateTests {
  static func utc(_ text: String) -> UnixTime { UTCDateTime.parseRFC3339(text)! }

  @Test("illumination is 0.50 ± 0.01 at the quarters of 2025-01-06 and 2025-01-21")
  func quarterIllumination() {
    let first = LunarEphemeris.next(.firstQuarter, after: Self.utc("2025-01-05T00:00:00Z"))
    let last = LunarEphemeris.next(.lastQuarter, after: Self.utc("2025-01-20T00:00:00Z"))
    #expect(first.time.utc.dateText == "2025-01-06")
    #expect(last.time.utc.dateText == "2025-01-21")
    #expect(abs(LunarEphemeris.illumination(at: first.time) - 0.5) <= 0.01)
    #expect(abs(LunarEphemeris.illumination(at: last.time) - 0.5) <= 0.01)
    #expect(abs(first.time.since(Self.utc("2025-01-06T23:56:00Z"))) < 60)
    #expect(abs(last.time.since(Self.utc("2025-01-21T20:31:00Z"))) < 60)
  }

  @Test("Meeus example 48.a: illumination 0.68 on 1992 April 12 0h TD")
  func meeusIlluminationExample() {
    let time = JulianDay(2_448_724.5 - DeltaT.seconds(atYear: 1992.28) / 86_400).unixTime
    #expect(abs(LunarEphemeris.illumination(at: time) - 0.6802) < 0.0005)
  }

  @Test("phase angle is ~0° at new moons and ~180° at full moons (within 0.3°)")
  func phaseAngleAtInstants() {
    for reference in LunarPhaseInstantTests.references {
      let event = LunarEphemeris.next(reference.phase, after: reference.time.adding(-86_400))
      let angle = LunarEphemeris.phaseAngleDegrees(at: event.time)
      let target = reference.phase.phaseAngleDegrees
      var difference = abs(angle - target)
      difference = min(difference, 360 - difference)
      #expect(difference < 0.3, "\(reference): \(angle)°")
    }
  }

  @Test("state an hour after a full moon: name, illumination, age and next phases")
  func stateAfterFullMoon() {
    let time = Self.utc("2025-01-13T23:30:00Z")
    let state = LunarEphemeris.state(at: time)
    #expect(state.phaseName == .fullMoon)
    #expect(state.illumination > 0.999)
    #expect(state.phaseAngleDegrees > 180 && state.phaseAngleDegrees < 181)
    #expect(!state.isWaxing)
    #expect(state.previousNewMoon.utc.dateText == "2024-12-30")
    #expect(abs(state.ageDays - time.since(state.previousNewMoon) / 86_400) < 1e-9)
    #expect(state.ageDays > 13.9 && state.ageDays < 14.2)
    #expect(abs(state.nextNewMoon.since(Self.utc("2025-01-29T12:35:55Z"))) < 15)
    #expect(state.nextFullMoon.utc.dateText == "2025-02-12")
  }

  @Test("at the new moon instant the age is 0 and the next new moon is the following one")
  func stateAtNewMoonInstant() {
    let newMoon = LunarEphemeris.instant(of: .newMoon, lunation: 310)
    let state = LunarEphemeris.state(at: newMoon)
    #expect(state.previousNewMoon == newMoon)
    #expect(state.ageDays == 0)
    #expect(state.nextNewMoon == LunarEphemeris.instant(of: .newMoon, lunation: 311))
    #expect(state.phaseName == .newMoon)
    #expect(state.illumination < 0.001)
  }

  @Test("across 2025, every day: next new and full moons are after now, within a lunation, and ordered")
  func nextPhaseProperties() {
    let start = Self.utc("2025-01-01T00:00:00Z")
    var previousNextNew = start
    for day in 0..<365 {
      let time = start.adding(Double(day) * 86_400 + 3_600 * 7.3)
      let state = LunarEphemeris.state(at: time)
      #expect(state.nextNewMoon > time && state.nextFullMoon > time)
      #expect(state.nextNewMoon.since(time) <= 29.9 * 86_400)
      #expect(state.nextFullMoon.since(time) <= 29.9 * 86_400)
      #expect(state.previousNewMoon <= time)
      #expect(state.ageDays >= 0 && state.ageDays < 29.9)
      #expect(abs(state.nextNewMoon.since(state.previousNewMoon) / 86_400 - 29.53) < 0.35)
      #expect(state.nextNewMoon >= previousNextNew)
      previousNextNew = state.nextNewMoon
      // The full moon comes first exactly when the Moon is waxing (phase angle below 180°),
      // except within minutes of a full moon where the low-precision angle may straddle 180°.
      if abs(state.phaseAngleDegrees - 180) > 1 {
        #expect((state.nextFullMoon < state.nextNewMoon) == state.isWaxing, "\(time.rfc3339)")
      }
      #expect(abs(state.illumination - (1 - ElementaryFunctions.cos(degrees: state.phaseAngleDegrees)) / 2) < 1e-12)
    }
  }

  @Test("2025 has 12 new moons and 12 full moons, and phases alternate in order")
  func phasesOf2025() {
    let events = LunarEphemeris.phases(from: Self.utc("2025-01-01T00:00:00Z"), to: Self.utc("2026-01-01T00:00:00Z"))
    #expect(events.filter { $0.phase == .newMoon }.count == 12)
    #expect(events.filter { $0.phase == .fullMoon }.count == 12)
    #expect(events.first?.phase == .firstQuarter)
    for (a, b) in zip(events, events.dropFirst()) {
      let expected = PrincipalLunarPhase.allCases[(PrincipalLunarPhase.allCases.firstIndex(of: a.phase)! + 1) % 4]
      #expect(b.phase == expected)
      #expect(b.time > a.time)
      #expect(b.time.since(a.time) > 5.5 * 86_400 && b.time.since(a.time) < 8.5 * 86_400)
    }
    #expect(events.contains { $0.phase == .fullMoon && $0.time.utc.dateText == "2025-09-07" })
    #expect(LunarEphemeris.phases(from: Self.utc("2025-02-01T00:00:00Z"), to: Self.utc("2025-01-01T00:00:00Z")).isEmpty)
  }

  @Test("previous and next bracket a time and agree with each other")
  func previousAndNext() {
    let time = Self.utc("2025-06-15T12:00:00Z")
    for phase in PrincipalLunarPhase.allCases {
      let previous = LunarEphemeris.previous(phase, atOrBefore: time)
      let next = LunarEphemeris.next(phase, after: time)
      #expect(previous.time <= time && next.time > time)
      #expect(next.lunation == previous.lunation + 1)
      #expect(LunarEphemeris.next(phase, after: previous.time) == next)
      #expect(LunarEphemeris.previous(phase, atOrBefore: next.time) == next)
    }
  }

  @Test(
    "phase names use equal 45° sectors centred on the principal phases",
    arguments: [
      (0.0, LunarPhaseName.newMoon), (22.49, .newMoon), (22.5, .waxingCrescent), (67.5, .firstQuarter),
      (90, .firstQuarter), (112.5, .waxingGibbous), (157.5, .fullMoon), (180, .fullMoon),
      (202.5, .waningGibbous), (247.5, .lastQuarter), (270, .lastQuarter), (292.5, .waningCrescent),
      (337.49, .waningCrescent), (337.5, .newMoon), (359.99, .newMoon), (-90, .lastQuarter), (450, .firstQuarter),
    ])
  func phaseNames(angle: Double, name: LunarPhaseName) {
    #expect(LunarPhaseName(phaseAngleDegrees: angle) == name)
  }

  @Test("phase names read as the eight conventional names")
  func phaseNameText() {
    #expect(
      LunarPhaseName.allCases.map(\.description) == [
        "new moon", "waxing crescent", "first quarter", "waxing gibbous",
        "full moon", "waning gibbous", "last quarter", "waning crescent",
      ])
    #expect(LunarPhaseName(phaseAngleDegrees: .nan) == .newMoon)
  }

  @Test("waxing moons are named waxing and waning moons waning through a lunation")
  func namesFollowWaxing() {
    let start = LunarEphemeris.instant(of: .newMoon, lunation: 320)
    for hour in stride(from: 24, to: 29 * 24, by: 6) {
      let state = LunarEphemeris.state(at: start.adding(Double(hour) * 3_600))
      if state.phaseName == .waxingCrescent || state.phaseName == .waxingGibbous { #expect(state.isWaxing) }
      if state.phaseName == .waningCrescent || state.phaseName == .waningGibbous { #expect(!state.isWaxing) }
    }
  }
}
