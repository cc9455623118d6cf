import AutoEngineRuntime
import GRPCCore
import SwiftProtobuf

/// The standard `grpc.health.v1.Health` service, answering from the engine's health.
///
/// Every service of the contract shares the engine's overall state; the empty name means the
/// server as a whole. A degraded engine still reports SERVING (the standard has no "degraded").
struct HealthGRPCService: Grpc_Health_V1_Health.SimpleServiceProtocol {
  let engine: Engine

  /// Fully-qualified names of the services whose health is reported ("" = the whole server).
  static let serviceNames: [String] = [
    "",
    "grpc.health.v1.Health",
    "autoengine.v1.CoinStateService",
    "autoengine.v1.StrategyService",
    "autoengine.v1.TradingService",
    "autoengine.v1.SystemService",
  ]

  func check(
    request: Grpc_Health_V1_HealthCheckRequest,
    context: ServerContext
  ) async throws -> Grpc_Health_V1_HealthCheckResponse {
    guard Self.serviceNames.contains(request.service) else {
      throw RPCError(code: .notFound, message: "unknown service '\(request.service)'")
    }
    let status = Grpc_Health_V1_HealthCheckResponse.ServingStatus(await engine.health().status)
    return .with { $0.status = status }
  }

  func list(
    request: Grpc_Health_V1_HealthListRequest,
    context: ServerContext
  ) async throws -> Grpc_Health_V1_HealthListResponse {
    let status = Grpc_Health_V1_HealthCheckResponse.ServingStatus(await engine.health().status)
    return .with { response in
      for name in Self.serviceNames { response.statuses[name] = .with { $0.status = status } }
    }
  }

  /// Sends the current status, then each change, until the client goes away or the server stops.
  func watch(
    request: Grpc_Health_V1_HealthCheckRequest,
    response: RPCWriter<Grpc_Health_V1_HealthCheckResponse>,
    context: ServerContext
  ) async throws {
    let known = Self.serviceNames.contains(request.service)
    let (id, reports) = await engine.watchHealth()
    // gRPC does not cancel this task when the client leaves; it calls onCancelRPC, which ends
    // the subscription and so the loop (see ../shared/reference/swift-server-notes.md).
    try await withRPCCancellationHandler {
      var last: Grpc_Health_V1_HealthCheckResponse.ServingStatus?
      for await report in reports {
        let status = known ? Grpc_Health_V1_HealthCheckResponse.ServingStatus(report.status) : .serviceUnknown
        guard status != last else { continue }
        try await response.write(.with { $0.status = status })
        last = status
      }
    } onCancelRPC: {
      engine.unwatchHealth(id)
    }
  }
}
