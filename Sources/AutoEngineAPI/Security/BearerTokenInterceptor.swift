import AutoEngineRuntime
import GRPCCore

/// Enforces the `APIAccessPolicy` on every gRPC call (metadata `authorization: Bearer <token>`).
struct BearerTokenInterceptor: ServerInterceptor {
  let policy: APIAccessPolicy

  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    let service = context.descriptor.service.fullyQualifiedService
    let name = "\(service)/\(context.descriptor.method)"
    let authorization = request.metadata[stringValues: "authorization"].first(where: { _ in true })
    if let refusal = policy.refusal(
      changesState: APIAccessPolicy.stateChangingRPCs.contains(name),
      alwaysOpen: APIAccessPolicy.alwaysOpenServices.contains(service), authorization: authorization)
    {
      throw EngineError(.unauthenticated, refusal)
    }
    return try await next(request, context)
  }
}
