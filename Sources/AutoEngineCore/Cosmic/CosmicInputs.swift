/// Everything cosmic the strategies may read at one instant.
///
/// The lunar state is always present (it is computed); solar activity and the Schumann reading
/// are present only when a source delivered them.
public struct CosmicInputs: Hashable, Sendable {
  /// The Moon's state at the instant of evaluation.
  public var lunar: LunarState
  /// The latest solar/geomagnetic report, or `nil` when none is available.
  public var solar: SolarActivity?
  /// The latest Schumann resonance reading, or `nil` when no source is configured.
  public var schumann: SchumannReading?

  /// Creates inputs from their parts.
  public init(lunar: LunarState, solar: SolarActivity? = nil, schumann: SchumannReading? = nil) {
    self.lunar = lunar
    self.solar = solar
    self.schumann = schumann
  }

  /// Inputs at `time` with the computed lunar state and whatever solar and Schumann data exist.
  public init(at time: UnixTime, solar: SolarActivity? = nil, schumann: SchumannReading? = nil) {
    self.init(lunar: LunarEphemeris.state(at: time), solar: solar, schumann: schumann)
  }

  /// The cosmic alignment score, or `nil` when the solar data it needs is missing.
  public var alignment: CosmicAlignment? { CosmicAlignment(lunar: lunar, solar: solar) }
}
