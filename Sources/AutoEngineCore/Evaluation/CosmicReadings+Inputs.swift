extension CosmicReadings {
  /// The strategies' plain-number view of the cosmic inputs at `time`.
  ///
  /// Flare flux is the latest flare's peak flux (from its class; the current X-ray level when no
  /// flare is known), and hours since the flare are measured from its peak to `time`. A missing
  /// source leaves its fields `nil`; nothing is invented.
  public init(_ inputs: CosmicInputs, at time: UnixTime) {
    let solar = inputs.solar
    self.init(
      lunarPhaseAngleDeg: inputs.lunar.phaseAngleDegrees,
      lunarIllumination: inputs.lunar.illumination,
      kpIndex: solar?.kpIndex,
      flareFlux: solar?.latestFlareClass?.flux ?? solar?.effectiveXrayFlux,
      hoursSinceFlare: solar?.flarePeakTime.map { max(0, time.since($0) / 3600) },
      schumannFrequencyHz: inputs.schumann?.frequencyHz,
      schumannAmplitude: inputs.schumann?.amplitude,
      schumannSimulated: inputs.schumann?.isSimulated ?? false,
      alignment: inputs.alignment?.score)
  }
}
