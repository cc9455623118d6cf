public import AutoEngineCore

/// Health of the server as a whole or of one component.
public enum HealthState: String, Hashable, Sendable {
  /// Serving normally.
  case serving
  /// Serving, but some component has problems.
  case degraded
  /// Not serving: the system is stopped or a component failed.
  case notServing = "not_serving"
}

/// Health of one named component (a listener, a fetcher, the journal…).
public struct ComponentHealth: Hashable, Sendable {
  /// Component name, e.g. "grpc", "rest", "engine".
  public var name: String
  /// Its health.
  public var state: HealthState
  /// Why it is not serving or degraded, or what it does ("listening on 127.0.0.1:50051").
  public var detail: String

  /// Creates a component's health.
  public init(name: String, state: HealthState, detail: String = "") {
    self.name = name
    self.state = state
    self.detail = detail
  }
}

/// The server's health at one moment.
public struct HealthReport: Hashable, Sendable {
  /// Overall health: `.notServing` while the system is stopped or any component is not serving,
  /// `.degraded` when any component is degraded, otherwise `.serving`.
  public var status: HealthState
  /// Each component, sorted by name.
  public var components: [ComponentHealth]
  /// Server version.
  public var version: String
  /// When the report was made.
  public var time: UnixTime
  /// Seconds since the engine started (≥ 0).
  public var uptimeSeconds: Double

  /// Creates a report.
  public init(
    status: HealthState, components: [ComponentHealth], version: String, time: UnixTime,
    uptimeSeconds: Double
  ) {
    self.status = status
    self.components = components
    self.version = version
    self.time = time
    self.uptimeSeconds = uptimeSeconds
  }

  /// The overall state implied by the system's running flag and its components' states.
  public static func overall(systemRunning: Bool, components: [ComponentHealth]) -> HealthState {
    if !systemRunning || components.contains(where: { $0.state == .notServing }) { return .notServing }
    if components.contains(where: { $0.state == .degraded }) { return .degraded }
    return .serving
  }
}
