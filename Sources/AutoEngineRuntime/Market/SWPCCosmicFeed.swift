public import AutoEngineCore
public import AutoEngineExchanges

/// Solar and geomagnetic activity from NOAA SWPC for the cosmic strategies.
///
/// Schumann resonance has no public data API (see the cosmic reference), so this feed reports
/// none; the strategy that needs it says "schumann data unavailable".
public struct SWPCCosmicFeed: CosmicFeed {
  /// The SWPC client.
  public let client: SWPCClient

  /// Creates a feed over `client`.
  public init(client: SWPCClient) { self.client = client }

  public func solarActivity(now: UnixTime) async throws -> SolarActivity? {
    try await client.solarActivity()
  }

  public func schumann(now: UnixTime) async throws -> SchumannReading? { nil }
}
