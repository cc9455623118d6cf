import AutoEngineCore
import AutoEngineRuntime
import SwiftProtobuf

extension Autoengine_V1_HealthReport {
  /// The contract's form of an engine health report.
  init(_ report: HealthReport) {
    self.init()
    status = .init(report.status)
    components = report.components.map { component in
      var proto = Autoengine_V1_ComponentHealth()
      proto.name = component.name
      proto.state = .init(component.state)
      proto.detail = component.detail
      return proto
    }
    version = report.version
    time = Google_Protobuf_Timestamp(report.time)
    uptimeSeconds = report.uptimeSeconds
  }
}

extension Autoengine_V1_HealthState {
  init(_ state: HealthState) {
    switch state {
    case .serving: self = .serving
    case .degraded: self = .degraded
    case .notServing: self = .notServing
    }
  }
}

extension Grpc_Health_V1_HealthCheckResponse.ServingStatus {
  /// The standard health protocol knows only serving or not: a degraded server still serves.
  init(_ state: HealthState) {
    switch state {
    case .serving, .degraded: self = .serving
    case .notServing: self = .notServing
    }
  }
}

extension Google_Protobuf_Timestamp {
  /// A timestamp from seconds since the Unix epoch (UTC).
  init(_ time: UnixTime) {
    self.init(roundingTimeIntervalSince1970: time.seconds, rule: .towardZero)
  }
}
