import AutoEngineCore
import SwiftProtobuf

extension Autoengine_V1_CosmicSnapshot {
  /// The contract's cosmic snapshot; absent sources stay absent.
  init(_ inputs: CosmicInputs) {
    self.init()
    lunar = .with { lunar in
      lunar.phaseName = inputs.lunar.phaseName.rawValue
      lunar.phaseAngleDeg = inputs.lunar.phaseAngleDegrees
      lunar.illumination = inputs.lunar.illumination
      lunar.ageDays = inputs.lunar.ageDays
      lunar.nextNewMoon = .init(inputs.lunar.nextNewMoon)
      lunar.nextFullMoon = .init(inputs.lunar.nextFullMoon)
    }
    if let solar = inputs.solar {
      self.solar = .with { proto in
        proto.latestFlareClass = solar.latestFlareClass.map { "\($0)" } ?? ""
        if let time = solar.flarePeakTime { proto.latestFlareTime = .init(time) }
        if let flux = solar.xrayFlux, flux.isFinite { proto.xrayFlux = flux }
        if let kp = solar.kpIndex, kp.isFinite { proto.kpIndex = kp }
        proto.updatedAt = .init(solar.observedAt)
      }
    }
    if let reading = inputs.schumann {
      schumann = .with {
        $0.frequencyHz = reading.frequencyHz
        $0.amplitude = reading.amplitude
        $0.simulated = reading.isSimulated
        $0.updatedAt = .init(reading.observedAt)
      }
    }
    if let score = inputs.alignment?.score, score.isFinite { alignment = score }
  }
}
