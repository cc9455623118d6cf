import Hummingbird

/// Cross-origin access to the REST listener for the browser origins of `server.cors_origins`.
///
/// A request from an allowed origin (or any origin, with `*`) is answered by Hummingbird's
/// `CORSMiddleware`: preflight `OPTIONS` requests get `Access-Control-Allow-Origin`, `-Methods`
/// (GET, POST) and `-Headers` (Authorization, Content-Type); other requests get
/// `Access-Control-Allow-Origin`. A request from any other origin passes through untouched, with
/// no CORS header at all, so the browser refuses it. The router installs this middleware only
/// when at least one origin is configured.
struct CORSPolicyMiddleware<Context: RequestContext>: RouterMiddleware {
  /// The configured origins, e.g. `https://dash.example.com`; `*` allows any.
  let origins: Set<String>
  private let cors: CORSMiddleware<Context>

  /// Allows `origins` (`*` for any origin).
  init(origins: [String]) {
    self.origins = Set(origins)
    cors = CORSMiddleware(
      allowOrigin: self.origins.contains("*") ? .all : .originBased,
      allowHeaders: [.authorization, .contentType],
      allowMethods: [.get, .post])
  }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    guard let origin = request.headers[.origin], allows(origin) else {
      return try await next(request, context)
    }
    return try await cors.handle(request, context: context, next: next)
  }

  /// Whether a request from `origin` may be answered with CORS headers.
  func allows(_ origin: String) -> Bool {
    origins.contains("*") || origins.contains(origin)
  }
}
