public import AutoEngineCore

/// A source of solar activity and Schumann readings for the cosmic strategies.
///
/// The lunar state needs no feed (it is computed). A feed answers nil for what it does not have;
/// it never invents a measurement.
public protocol CosmicFeed: Sendable {
  /// The latest solar and geomagnetic activity, or nil when unavailable.
  func solarActivity(now: UnixTime) async throws -> SolarActivity?
  /// The latest Schumann resonance reading, or nil when no source is configured.
  func schumann(now: UnixTime) async throws -> SchumannReading?
}

/// A feed with nothing: offline operation, and the default when no source is configured.
public struct NoCosmicFeed: CosmicFeed {
  /// Creates the empty feed.
  public init() {}
  public func solarActivity(now: UnixTime) async throws -> SolarActivity? { nil }
  public func schumann(now: UnixTime) async throws -> SchumannReading? { nil }
}
