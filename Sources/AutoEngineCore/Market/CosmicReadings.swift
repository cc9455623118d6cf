/// The cosmic inputs of strategies P66–P70 as plain numbers, each absent when its source is.
///
/// The runtime fills this from the lunar ephemeris and the NOAA SWPC feeds; strategies read only
/// this value, so they stay independent of how the inputs were obtained. Nothing here is ever
/// invented: a missing feed leaves its fields `nil`, and the strategy reports what is missing.
public struct CosmicReadings: Hashable, Sendable {
  /// The Moon's phase angle, degrees in [0, 360): 0 new, 90 first quarter, 180 full, 270 last quarter.
  public var lunarPhaseAngleDeg: Double?
  /// Illuminated fraction of the Moon's disc, 0–1.
  public var lunarIllumination: Double?
  /// Latest planetary Kp index, 0–9.
  public var kpIndex: Double?
  /// Peak GOES 0.1–0.8 nm X-ray flux of the latest flare, W/m².
  public var flareFlux: Double?
  /// Hours since the latest flare's peak.
  public var hoursSinceFlare: Double?
  /// Schumann fundamental frequency, Hz.
  public var schumannFrequencyHz: Double?
  /// Schumann amplitude in the source's unit.
  public var schumannAmplitude: Double?
  /// True when the Schumann values are simulated, not measured.
  public var schumannSimulated: Bool
  /// The documented "cosmic alignment" score in [-1, 1] (see the cosmic module).
  public var alignment: Double?

  /// Creates readings; every input defaults to absent.
  public init(
    lunarPhaseAngleDeg: Double? = nil, lunarIllumination: Double? = nil, kpIndex: Double? = nil,
    flareFlux: Double? = nil, hoursSinceFlare: Double? = nil, schumannFrequencyHz: Double? = nil,
    schumannAmplitude: Double? = nil, schumannSimulated: Bool = false, alignment: Double? = nil
  ) {
    self.lunarPhaseAngleDeg = lunarPhaseAngleDeg
    self.lunarIllumination = lunarIllumination
    self.kpIndex = kpIndex
    self.flareFlux = flareFlux
    self.hoursSinceFlare = hoursSinceFlare
    self.schumannFrequencyHz = schumannFrequencyHz
    self.schumannAmplitude = schumannAmplitude
    self.schumannSimulated = schumannSimulated
    self.alignment = alignment
  }

  /// No cosmic input at all.
  public static let none = CosmicReadings()
}
