import AutoEngineRuntime
import GRPCCore

/// `autoengine.v1.SystemService` over gRPC: status and health are one-line calls into this
/// process's `Engine` facade (on an API replica: the replica's own, with its `redis`
/// component); StartSystem and StopSystem go through the server's `EngineControl`, so on a
/// replica they switch the engine's fetchers and strategies.
///
/// StartSystem and StopSystem change state: `BearerTokenInterceptor` lets them through only with
/// the API token.
struct SystemGRPCService: Autoengine_V1_SystemService.ServiceProtocol {
  let engine: Engine
  let control: any EngineControl

  func getStatus(
    request: ServerRequest<Autoengine_V1_GetStatusRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_SystemStatus> {
    ServerResponse(message: Autoengine_V1_SystemStatus(await engine.status()))
  }

  func startSystem(
    request: ServerRequest<Autoengine_V1_StartSystemRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_SystemStateResponse> {
    ServerResponse(message: try await control.startSystem(caller: Caller(request.metadata)))
  }

  func stopSystem(
    request: ServerRequest<Autoengine_V1_StopSystemRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_SystemStateResponse> {
    ServerResponse(message: try await control.stopSystem(caller: Caller(request.metadata)))
  }

  func getHealth(
    request: ServerRequest<Autoengine_V1_GetHealthRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_HealthReport> {
    ServerResponse(message: Autoengine_V1_HealthReport(await engine.health()))
  }
}
