public import AutoEngineCore
public import AutoEngineExchanges

/// The configured cosmic sources: NOAA SWPC for solar and geomagnetic activity (live market) and
/// an operator-configured Schumann source (`cosmic.schumann_url`).
///
/// A source that is not configured gives nil, and the strategies that need it say what is
/// missing ("schumann data unavailable"); nothing is invented.
public struct ConfiguredCosmicFeed: CosmicFeed {
  /// The SWPC client, or nil (simulated and replay markets work offline).
  public let swpc: SWPCClient?
  /// The Schumann source, or nil when none is configured.
  public let schumann: SchumannSource?

  /// Creates a feed over the given sources.
  public init(swpc: SWPCClient? = nil, schumann: SchumannSource? = nil) {
    self.swpc = swpc
    self.schumann = schumann
  }

  public func solarActivity(now: UnixTime) async throws -> SolarActivity? {
    try await swpc?.solarActivity()
  }

  public func schumann(now: UnixTime) async throws -> SchumannReading? {
    try await schumann?.latest(now: now)
  }
}
