import AutoEngineRuntime
import Hummingbird

/// Gives Hummingbird's own errors the `{"code","message"}` body of every REST error.
///
/// The router answers a path it has no route for (an unknown path, or one whose
/// percent-escapes are not UTF-8, such as `/api/coinstate/%FF`) with a bare `HTTPError(.notFound)`
/// and an empty body; this rethrows such errors as the `EngineError` of the same status.
struct HTTPErrorBodyMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    do {
      return try await next(request, context)
    } catch let error as HTTPError {
      guard let code = EngineError.Code.allCases.first(where: { EngineError($0, "").status == error.status }) else {
        throw error
      }
      let message =
        error.status == .notFound
        ? "no such path: \(request.method.rawValue) \((request.head.path ?? "").prefix { $0 != "?" })"
        : error.body ?? error.status.reasonPhrase
      throw EngineError(code, message)
    }
  }
}
