import AutoEngineRuntime
import Hummingbird
import NIOCore

/// `GET /openapi.json`, `/docs` (Swagger UI), `/redoc` (ReDoc) and `/docs/assets/{asset}`.
///
/// The document is built and encoded once per router, when the router is built, and every
/// request gets the same bytes. The pages load only the vendored assets and the document, by
/// absolute paths (so `/docs/` works as well as `/docs`); nothing comes from the internet.
enum DocumentationRoutes {
  /// Adds the documentation routes to `router`, describing `routes`.
  static func add(to router: Router<BasicRequestContext>, routes: [RESTRoute], version: String) {
    let document = Result { () throws -> ByteBuffer in
      ByteBuffer(bytes: try OpenAPIDocument.build(routes: routes, version: version).serialized())
    }
    router.get("/openapi.json") { _, _ -> Response in
      guard case .success(let bytes) = document else {
        throw EngineError(.internal, "the OpenAPI document could not be built: \(String(describing: document))")
      }
      return answer(bytes, contentType: "application/json; charset=utf-8")
    }
    router.get("/docs") { _, _ in answer(swaggerUIPage, contentType: "text/html; charset=utf-8") }
    router.get("/redoc") { _, _ in answer(reDocPage, contentType: "text/html; charset=utf-8") }
    router.get("/docs/assets/{asset}") { _, context in
      try DocumentationAssets.response(try context.parameters.require("asset"))
    }
  }

  /// A page or the document: revalidated by browsers on every load (it changes with the server).
  private static func answer(_ bytes: ByteBuffer, contentType: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = contentType
    headers[.cacheControl] = "no-cache"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
  }

  /// Swagger UI on `openapi.json`, without the online validator badge.
  private static let swaggerUIPage = ByteBuffer(
    string: """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>CRYPTO AUTOENGINE API · Swagger UI</title>
        <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/docs/assets/swagger-ui-bundle.js"></script>
        <script>
          window.ui = SwaggerUIBundle({
            url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null,
            presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout"
          });
        </script>
      </body>
      </html>

      """)

  /// ReDoc on `openapi.json` (the standalone bundle renders the `<redoc>` element by itself).
  private static let reDocPage = ByteBuffer(
    string: """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>CRYPTO AUTOENGINE API · ReDoc</title>
        <style>body { margin: 0; padding: 0; }</style>
      </head>
      <body>
        <redoc spec-url="/openapi.json"></redoc>
        <script src="/docs/assets/redoc.standalone.js"></script>
      </body>
      </html>

      """)
}
