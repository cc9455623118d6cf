import AutoEngineRuntime
import Hummingbird
import NIOCore

/// Refuses REST request bodies larger than `server.max_request_bytes` with 413 and the usual
/// `{"code","message"}` body naming the limit.
///
/// A declared `Content-Length` over the limit is refused before any byte is read. Other bodies of
/// POST, PUT, PATCH and DELETE are collected up to the limit (so a chunked body cannot slip past
/// it); GET, HEAD and OPTIONS bodies are left as streams, because the event-stream routes watch
/// the inbound side of the request to notice a client that goes away.
struct RequestSizeLimitMiddleware<Context: RequestContext>: RouterMiddleware {
  /// Largest body accepted, in bytes, > 0.
  let maxBytes: Int

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maxBytes {
      throw tooLarge
    }
    guard ![.get, .head, .options].contains(request.method) else {
      return try await next(request, context)
    }
    var request = request
    do {
      _ = try await request.collectBody(upTo: maxBytes)
    } catch is NIOTooManyBytesError {
      throw tooLarge
    }
    return try await next(request, context)
  }

  private var tooLarge: EngineError {
    EngineError(
      .requestTooLarge,
      "the request body is larger than the limit of \(maxBytes) bytes (server.max_request_bytes)")
  }
}
