/// The latest solar and geomagnetic conditions, as reported by NOAA SWPC.
///
/// A value type only: fetching and parsing the SWPC feeds happens outside the core. Any field may
/// be missing when its feed is unavailable; nothing here is ever invented.
public struct SolarActivity: Hashable, Sendable {
  /// When these values were observed (the newest feed timestamp used).
  public var observedAt: UnixTime
  /// Class of the latest flare (`max_class` of SWPC's latest-flare feed), e.g. `M2.4`.
  public var latestFlareClass: FlareClass?
  /// Peak time (`max_time`) of the latest flare.
  public var flarePeakTime: UnixTime?
  /// Current GOES X-ray flux in the 0.1–0.8 nm band, W/m² (typically 1e-8 … 1e-3).
  public var xrayFlux: Double?
  /// Planetary K index, 0…9 (geomagnetic activity; ≥ 5 is a storm).
  public var kpIndex: Double?

  /// Creates a report; every measurement is optional.
  public init(
    observedAt: UnixTime, latestFlareClass: FlareClass? = nil, flarePeakTime: UnixTime? = nil,
    xrayFlux: Double? = nil, kpIndex: Double? = nil
  ) {
    self.observedAt = observedAt
    self.latestFlareClass = latestFlareClass
    self.flarePeakTime = flarePeakTime
    self.xrayFlux = xrayFlux
    self.kpIndex = kpIndex
  }

  /// The class of the current X-ray flux (`FlareClass(flux:)`), or `nil` without a valid flux.
  public var currentFlareClass: FlareClass? { xrayFlux.flatMap { FlareClass(flux: $0) } }

  /// The X-ray level used for scoring, W/m²: the current flux when known, otherwise the latest
  /// flare's peak flux; `nil` when neither is known.
  public var effectiveXrayFlux: Double? {
    if let xrayFlux, xrayFlux.isFinite, xrayFlux > 0 { return xrayFlux }
    return latestFlareClass?.flux
  }
}
