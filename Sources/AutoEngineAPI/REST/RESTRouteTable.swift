import AutoEngineRuntime
import HTTPTypes

/// Every route of the REST bridge, in the order the documentation shows them: the one table
/// behind `RESTRouter.servedRoutes`, the router's 405 answers and `/openapi.json`.
///
/// A route added to the router must be added here too; `OpenAPIDocumentTests` fails otherwise
/// (it compares the built router's routes with this table and probes every entry).
enum RESTRouteTable {
  static let all: [RESTRoute] = coins + strategies + system + TradingRoutes.table + documentation + dashboard

  static let coins: [RESTRoute] = [
    RESTRoute(
      method: .get, path: "/api/coins", operationID: "listCoins", tag: "coins",
      summary: "The configured coins, with order limits and availability (ListCoins)",
      parameters: [.exchange, .flag("enabled_only", "Only coins enabled in the configuration.")],
      answer: .message("autoengine.v1.ListCoinsResponse"), errors: [.invalidArgument], access: .read),
    RESTRoute(
      method: .get, path: "/api/coinstate", operationID: "listCoinStates", tag: "coins",
      summary: "Every selected coin's state: price, indicators, signal, freshness (ListCoinStates)",
      parameters: [.symbols, .exchange], answer: .message("autoengine.v1.ListCoinStatesResponse"),
      errors: [.invalidArgument, .notFound], access: .read),
    RESTRoute(
      method: .get, path: "/api/coinstate/stream", operationID: "watchCoinStates", tag: "coins",
      summary: "Live coin states as Server-Sent Events (WatchCoinStates)",
      description: """
        The first event (`snapshot`) carries every selected coin; then one `update` event per engine \
        tick with the coins that changed; `: heartbeat` comment lines keep idle connections alive. \
        Each event's `data:` is one line of `CoinStateUpdate` JSON and its `id:` the per-stream \
        sequence number. A slow reader's updates are conflated by symbol (`conflated` counts them).
        """,
      parameters: [.symbols, .exchange, .heartbeat], answer: .eventStream("autoengine.v1.CoinStateUpdate"),
      errors: [.invalidArgument, .notFound], access: .read),
    RESTRoute(
      method: .get, path: "/api/coinstate/{symbol}", operationID: "getCoinState", tag: "coins",
      summary: "One coin's state (GetCoinState)", parameters: [.symbol],
      answer: .message("autoengine.v1.CoinState"), errors: [.notFound], access: .read),
  ]

  static let strategies: [RESTRoute] = [
    RESTRoute(
      method: .get, path: "/api/strategies", operationID: "listSignals", tag: "strategies",
      summary: "Per coin: the aggregate signal and the strategies behind it (ListSignals)",
      parameters: [.symbols, .exchange, .flag("fired_only", "Only the strategies that fired (not HOLD).")],
      answer: .message("autoengine.v1.ListSignalsResponse"), errors: [.invalidArgument, .notFound], access: .read),
    RESTRoute(
      method: .get, path: "/api/strategies/{symbol}", operationID: "getSignals", tag: "strategies",
      summary: "All 70 strategies of one coin with their reasons (GetSignals)", parameters: [.symbol],
      answer: .message("autoengine.v1.CoinSignals"), errors: [.notFound], access: .read),
  ]

  static let system: [RESTRoute] = [
    RESTRoute(
      method: .get, path: "/api/health", operationID: "getHealth", tag: "system",
      summary: "Component health (GetHealth); 503 with the same body while not serving",
      answer: .message("autoengine.v1.HealthReport"), answers503WhenNotServing: true, access: .open),
    RESTRoute(
      method: .get, path: "/api/system/status", operationID: "getStatus", tag: "system",
      summary: "Components, exchanges, cache and streams (GetStatus)",
      answer: .message("autoengine.v1.SystemStatus"), access: .read),
    RESTRoute(
      method: .post, path: "/api/system/start", operationID: "startSystem", tag: "system",
      summary: "Resume fetching and evaluation (StartSystem)",
      answer: .message("autoengine.v1.SystemStateResponse"), errors: [.fixConfiguration, .unavailable],
      access: .changesState),
    RESTRoute(
      method: .post, path: "/api/system/stop", operationID: "stopSystem", tag: "system",
      summary: "Pause fetching and evaluation; health answers NOT_SERVING meanwhile (StopSystem)",
      answer: .message("autoengine.v1.SystemStateResponse"), errors: [.fixConfiguration, .unavailable],
      access: .changesState),
    RESTRoute(
      method: .get, path: "/metrics", operationID: "getMetrics", tag: "system",
      summary: "Prometheus metrics: fetches, cache, strategy time, streams, trades",
      answer: .prometheusText, access: .open),
  ]

  /// The OpenAPI document and the pages that render it, with their vendored assets.
  static let documentation: [RESTRoute] = [
    RESTRoute(
      method: .get, path: "/openapi.json", operationID: "getOpenAPIDocument", tag: "documentation",
      summary: "This OpenAPI 3.1 document", answer: .openAPIDocument, access: .open),
    RESTRoute(
      method: .get, path: "/docs", operationID: "getSwaggerUI", tag: "documentation",
      summary: "Swagger UI on this document (no internet needed)", answer: .html, access: .open),
    RESTRoute(
      method: .get, path: "/redoc", operationID: "getReDoc", tag: "documentation",
      summary: "ReDoc on this document (no internet needed)", answer: .html, access: .open),
    RESTRoute(
      method: .get, path: "/docs/assets/{asset}", operationID: "getDocumentationAsset", tag: "documentation",
      summary: "A vendored script or stylesheet of the documentation pages",
      parameters: [
        .init(
          name: "asset", inPath: true, description: "The file name.",
          schema: .object([("type", "string"), ("enum", .array(DocumentationAssets.names.map(JSONValue.string)))]),
          example: DocumentationAssets.names[0])
      ],
      answer: .asset, errors: [.notFound, .unavailable], access: .open),
  ]

  /// The web dashboard (`clients/web/`): its page and the two files it loads.
  static let dashboard: [RESTRoute] = DashboardRoutes.files.map { file in
    RESTRoute(
      method: .get, path: file.path,
      operationID: file.path == "/"
        ? "getDashboard" : "getDashboard" + (file.name.hasSuffix(".css") ? "Stylesheet" : "Script"),
      tag: "dashboard",
      summary: file.path == "/" ? "The live web dashboard (clients/web)" : "The dashboard's \(file.name)",
      answer: file.path == "/" ? .html : .asset, errors: [.notFound], access: .open)
  }
}
