/// Sources of the cosmic inputs (`cosmic.*`).
///
/// Lunar state is computed locally and needs no source. Schumann resonance data have no public
/// feed, so they are unavailable unless a URL is configured.
public struct CosmicSettings: Hashable, Sendable {
  /// `cosmic.swpc.base_url`: NOAA Space Weather Prediction Center, for X-ray flares and the
  /// planetary Kp index (default `https://services.swpc.noaa.gov`).
  public var swpcBaseURL: String
  /// `cosmic.schumann_url`: a Schumann resonance source; empty means unavailable (default).
  public var schumannURL: String

  /// Creates cosmic settings; every argument defaults to the documented default.
  public init(swpcBaseURL: String = "https://services.swpc.noaa.gov", schumannURL: String = "") {
    self.swpcBaseURL = swpcBaseURL
    self.schumannURL = schumannURL
  }
}
