import Testing

@testable import AutoEngineCore

@Suite("Solar activity, Schumann readings and cosmic alignment")
struct SolarAndAlignmentTests {
  @Test(
    "flux → flare class by decade, magnitude truncated to one decimal",
    arguments: [
      (2.4e-5, "M2.4"), (1e-4, "X1.0"), (9.99e-5, "M9.9"), (3e-6, "C3.0"), (1e-6, "C1.0"),
      (1.5e-7, "B1.5"), (1e-8, "A1.0"), (5e-9, "A0.5"), (2.8e-3, "X28.0"), (9.96e-5, "M9.9"),
    ])
  func classFromFlux(flux: Double, text: String) {
    #expect(FlareClass(flux: flux)?.description == text)
  }

  @Test("non-positive or non-finite flux has no class")
  func invalidFlux() {
    #expect(FlareClass(flux: 0) == nil)
    #expect(FlareClass(flux: -1e-5) == nil)
    #expect(FlareClass(flux: .nan) == nil)
    #expect(FlareClass(flux: .infinity) == nil)
  }

  @Test(
    "class string → flux",
    arguments: [
      ("X1.2", 1.2e-4), ("M2.4", 2.4e-5), ("c1", 1e-6), (" B7.5 ", 7.5e-7), ("A0.0", 0.0), ("M2.45", 2.45e-5),
    ])
  func fluxFromClass(text: String, flux: Double) {
    let parsed = FlareClass(text)
    #expect(parsed != nil)
    #expect(abs((parsed?.flux ?? -1) - flux) <= flux * 1e-12)
  }

  @Test(
    "garbage class strings are rejected",
    arguments: ["", "M", "Z1.0", "M-1", "M1.2.3", "M1e3", "M 2", "Mabc", "M.5", "M5.", "1.2", "MX1", "Minf", "Mnan"])
  func garbage(text: String) {
    #expect(FlareClass(text) == nil)
  }

  @Test("classes order by flux and print like NOAA")
  func ordering() {
    #expect(FlareClass("C9.9")! < FlareClass("M1.0")!)
    #expect(FlareClass("X1.0")! > FlareClass("M9.9")!)
    #expect(FlareClass.Letter.b < .c)
    #expect(FlareClass("m2.45")?.description == "M2.45")
    #expect(FlareClass(letter: .x, magnitude: 1.2).description == "X1.2")
  }

  @Test("solar activity: current class from flux; the effective X-ray level prefers the flux")
  func solarActivity() {
    let now = UnixTime(seconds: 1_736_807_211)
    let both = SolarActivity(observedAt: now, latestFlareClass: FlareClass("M2.4"), xrayFlux: 3e-6, kpIndex: 2)
    #expect(both.currentFlareClass?.description == "C3.0")
    #expect(both.effectiveXrayFlux == 3e-6)
    let flareOnly = SolarActivity(observedAt: now, latestFlareClass: FlareClass("M2.4"))
    #expect(abs(flareOnly.effectiveXrayFlux! - 2.4e-5) < 1e-18)
    #expect(SolarActivity(observedAt: now, xrayFlux: .nan).effectiveXrayFlux == nil)
    #expect(SolarActivity(observedAt: now).currentFlareClass == nil)
  }

  @Test("Schumann readings carry the simulated flag")
  func schumann() {
    let reading = SchumannReading(observedAt: UnixTime(seconds: 0), frequencyHz: 7.9, amplitude: 1.2, isSimulated: true)
    #expect(reading.isSimulated)
    #expect(SchumannReading.nominalFrequencyHz == 7.83)
  }

  static func lunar(angle: Double) -> LunarState {
    LunarState(
      time: UnixTime(seconds: 0), phaseAngleDegrees: angle, illumination: 0.5, phaseName: .newMoon,
      ageDays: 0, previousNewMoon: UnixTime(seconds: 0), nextNewMoon: UnixTime(seconds: 1),
      nextFullMoon: UnixTime(seconds: 1))
  }

  @Test("alignment terms and score follow the documented formula")
  func alignmentFormula() throws {
    let now = UnixTime(seconds: 0)
    let calmNew = try #require(
      CosmicAlignment(lunar: Self.lunar(angle: 0), solar: SolarActivity(observedAt: now, xrayFlux: 1e-8, kpIndex: 0)))
    #expect(abs(calmNew.score - 1) < 1e-12)
    let stormyFull = try #require(
      CosmicAlignment(lunar: Self.lunar(angle: 180), solar: SolarActivity(observedAt: now, xrayFlux: 1e-4, kpIndex: 9)))
    #expect(abs(stormyFull.score - -1) < 1e-12)
    let quarter = try #require(
      CosmicAlignment(lunar: Self.lunar(angle: 90), solar: SolarActivity(observedAt: now, xrayFlux: 1e-6, kpIndex: 4.5))
    )
    #expect(abs(quarter.score) < 1e-12)
    let mixed = try #require(
      CosmicAlignment(
        lunar: Self.lunar(angle: 60),
        solar: SolarActivity(observedAt: now, latestFlareClass: FlareClass("M1.0"), kpIndex: 3)))
    #expect(abs(mixed.lunarTerm - 0.5) < 1e-12)
    #expect(abs(mixed.geomagneticTerm - 1.0 / 3) < 1e-12)
    #expect(abs(mixed.solarTerm - -0.5) < 1e-12)
    #expect(abs(mixed.score - (0.25 + 0.1 - 0.1)) < 1e-12)
  }

  @Test("alignment terms are clamped to −1…1")
  func clamped() throws {
    let extreme = try #require(
      CosmicAlignment(
        lunar: Self.lunar(angle: 0), solar: SolarActivity(observedAt: UnixTime(seconds: 0), xrayFlux: 1e-2, kpIndex: 12)
      ))
    #expect(extreme.solarTerm == -1)
    #expect(extreme.geomagneticTerm == -1)
    #expect(CosmicAlignment(lunarTerm: 3, geomagneticTerm: -3, solarTerm: .nan).lunarTerm == 1)
    #expect(CosmicAlignment(lunarTerm: 3, geomagneticTerm: -3, solarTerm: .nan).solarTerm == 0)
  }

  @Test("alignment is absent without solar data, Kp or an X-ray level")
  func absent() {
    let lunar = Self.lunar(angle: 0)
    let now = UnixTime(seconds: 0)
    #expect(CosmicAlignment(lunar: lunar, solar: nil) == nil)
    #expect(CosmicAlignment(lunar: lunar, solar: SolarActivity(observedAt: now, xrayFlux: 1e-6)) == nil)
    #expect(CosmicAlignment(lunar: lunar, solar: SolarActivity(observedAt: now, kpIndex: 2)) == nil)
    #expect(CosmicInputs(lunar: lunar).alignment == nil)
  }

  @Test("cosmic inputs compute the lunar state and expose the alignment when solar data exists")
  func cosmicInputs() {
    let time = UTCDateTime.parseRFC3339("2025-01-13T22:26:51Z")!
    let inputs = CosmicInputs(at: time, solar: SolarActivity(observedAt: time, xrayFlux: 1e-6, kpIndex: 4.5))
    #expect(inputs.lunar == LunarEphemeris.state(at: time))
    #expect(inputs.schumann == nil)
    let score = inputs.alignment?.score ?? 0
    #expect(abs(score - -0.5) < 0.001)
  }
}
