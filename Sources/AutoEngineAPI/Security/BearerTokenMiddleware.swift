import AutoEngineRuntime
import Hummingbird

/// Enforces the `APIAccessPolicy` on REST calls: every POST changes state; `/api/health` and the
/// documentation are always open.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
  let policy: APIAccessPolicy

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let path = request.uri.path
    let alwaysOpen = path == "/api/health" || !path.hasPrefix("/api/")
    if let refusal = policy.refusal(
      changesState: request.method == .post, alwaysOpen: alwaysOpen, authorization: request.headers[.authorization])
    {
      throw EngineError(.unauthenticated, refusal)
    }
    return try await next(request, context)
  }
}
