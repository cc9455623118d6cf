/// One reading of the Schumann resonance (the Earth–ionosphere cavity's fundamental, ≈ 7.83 Hz).
///
/// No public data API exists, so readings come only from a source the operator configures, or
/// from the simulated market — in which case `isSimulated` is true and every consumer must say
/// so. Without a reading, strategies report the input as unavailable.
public struct SchumannReading: Hashable, Sendable {
  /// When the reading was taken.
  public var observedAt: UnixTime
  /// Frequency of the fundamental mode, Hz (nominally about 7.83).
  public var frequencyHz: Double
  /// Amplitude in the source's own units (sources differ; compare readings from one source only).
  public var amplitude: Double
  /// Whether the value was simulated rather than measured.
  public var isSimulated: Bool

  /// Creates a reading.
  public init(observedAt: UnixTime, frequencyHz: Double, amplitude: Double, isSimulated: Bool) {
    self.observedAt = observedAt
    self.frequencyHz = frequencyHz
    self.amplitude = amplitude
    self.isSimulated = isSimulated
  }

  /// The nominal fundamental frequency, 7.83 Hz.
  public static let nominalFrequencyHz = 7.83
}
