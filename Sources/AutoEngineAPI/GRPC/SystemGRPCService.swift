import AutoEngineRuntime
import GRPCCore

/// `autoengine.v1.SystemService` over gRPC: each RPC is a one-line call into the `Engine` facade.
///
/// StartSystem and StopSystem change state: `BearerTokenInterceptor` lets them through only with
/// the API token.
struct SystemGRPCService: Autoengine_V1_SystemService.SimpleServiceProtocol {
  let engine: Engine

  func getStatus(
    request: Autoengine_V1_GetStatusRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_SystemStatus {
    Autoengine_V1_SystemStatus(await engine.status())
  }

  func startSystem(
    request: Autoengine_V1_StartSystemRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_SystemStateResponse {
    Autoengine_V1_SystemStateResponse(started: await engine.startSystem())
  }

  func stopSystem(
    request: Autoengine_V1_StopSystemRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_SystemStateResponse {
    Autoengine_V1_SystemStateResponse(stopped: await engine.stopSystem())
  }

  func getHealth(
    request: Autoengine_V1_GetHealthRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_HealthReport {
    Autoengine_V1_HealthReport(await engine.health())
  }
}
