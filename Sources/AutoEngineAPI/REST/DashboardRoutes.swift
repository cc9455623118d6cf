import AutoEngineDashboard
import AutoEngineRuntime
import HTTPTypes
import Hummingbird
import NIOCore

/// The web dashboard (`clients/web/`): its static files served by the REST listener, `/` for the
/// page and `/<name>` for its stylesheet and script.
///
/// The files are read once when the router is built (they are a few tens of kilobytes) and sent
/// with their content type, `Cache-Control: no-cache` (a browser revalidates after a server
/// upgrade) and a content security policy that allows only this origin: the page loads nothing
/// from elsewhere. The paths are outside `/api/`, so they never need the token.
enum DashboardRoutes {
  /// The served files: URL path, file name and content type (`RESTRouteTable.dashboard` documents
  /// them from this list).
  static let files: [(path: String, name: String, contentType: String)] = [
    ("/", "index.html", "text/html; charset=utf-8"),
    ("/dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
    ("/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"),
  ]

  /// Adds the dashboard routes to `router`; when the files cannot be found each answers 404
  /// saying where they were looked for.
  static func add(to router: Router<BasicRequestContext>) {
    let contents = DashboardAssets.load()
    for file in files {
      router.get(RouterPath(file.path)) { _, _ -> Response in
        guard let bytes = contents?[file.name] else {
          throw EngineError(
            .notFound,
            "the dashboard is not installed: \(file.name) is neither in the resource bundle beside the executable nor in clients/web"
          )
        }
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.cacheControl] = "no-cache"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Content-Security-Policy")!] =
          "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
      }
    }
  }
}
