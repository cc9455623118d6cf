import AutoEngineCore
import AutoEngineRuntime
import Hummingbird
import NIOCore

/// The REST/JSON bridge: the seed's paths, each a one-line call into the same `Engine` facade (or,
/// for trading and start/stop, the same `EngineControl`) as the gRPC services (never an HTTP call into our own gRPC port), answering the proto3 JSON
/// mapping of the same messages.
enum RESTRouter {
  /// Builds the router of every REST path.
  ///
  /// Middleware, outermost first: CORS for `corsOrigins` (none when empty; first, so that a
  /// preflight needs no token), the JSON body of the router's own errors (e.g. no such path), the
  /// bearer token, then the body limit of `maxRequestBytes`.
  ///
  /// The trading routes and `POST /api/system/start|stop` go through `control` (the local engine
  /// by default; on an API replica, the engine it forwards to).
  static func build(
    engine: Engine, control: (any EngineControl)? = nil, access: APIAccessPolicy = APIAccessPolicy(),
    maxRequestBytes: Int = 1 << 20, corsOrigins: [String] = []
  ) -> Router<BasicRequestContext> {
    let control = control ?? LocalEngineControl(engine: engine)
    let router = Router()
    if !corsOrigins.isEmpty {
      router.add(middleware: CORSPolicyMiddleware(origins: corsOrigins))
    }
    router.add(middleware: HTTPErrorBodyMiddleware())
    router.add(middleware: BearerTokenMiddleware(policy: access))
    router.add(middleware: RequestSizeLimitMiddleware(maxBytes: maxRequestBytes))
    router.get("/api/health") { _, _ in
      let report = await engine.health()
      return ProtoJSON(
        message: Autoengine_V1_HealthReport(report),
        status: report.status == .notServing ? .serviceUnavailable : .ok)
    }
    let metrics = MetricsExporter()
    router.get("/metrics") { _, _ -> Response in
      var headers = HTTPFields()
      headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
      return Response(
        status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: await metrics.render(engine))))
    }
    router.get("/api/coins") { request, _ in
      ProtoJSON(
        message: Autoengine_V1_ListCoinsResponse(
          await engine.coinListing(exchange: try request.exchangeFilter(), enabledOnly: request.flag("enabled_only"))))
    }
    let coinStateListing = CoinStateListing(engine: engine)
    router.get("/api/coinstate") { request, _ in
      try await coinStateListing.response(for: request)
    }
    router.get("/api/coinstate/stream") { request, _ in
      try await CoinStateEventStream.response(for: request, engine: engine)
    }
    router.get("/api/coinstate/{symbol}") { _, context in
      ProtoJSON(message: engine.contract(try await engine.coinState(try context.parameters.require("symbol"))))
    }
    router.get("/api/strategies") { request, _ in
      ProtoJSON(
        message: Autoengine_V1_ListSignalsResponse(
          try await engine.signals(try request.coinFilter()), firedOnly: request.flag("fired_only"),
          asOf: engine.clock.now()))
    }
    router.get("/api/strategies/{symbol}") { _, context in
      ProtoJSON(message: Autoengine_V1_CoinSignals(try await engine.signals(try context.parameters.require("symbol"))))
    }
    router.get("/api/system/status") { _, _ in
      ProtoJSON(message: Autoengine_V1_SystemStatus(await engine.status()))
    }
    router.post("/api/system/start") { request, _ in
      ProtoJSON(message: try await control.startSystem(caller: Caller(request)))
    }
    router.post("/api/system/stop") { request, _ in
      ProtoJSON(message: try await control.stopSystem(caller: Caller(request)))
    }
    TradingRoutes.add(to: router, control: control)
    DocumentationRoutes.add(to: router, routes: RESTRouteTable.all, version: engine.version)
    DashboardRoutes.add(to: router)
    // A known path with another method answers 405 naming the methods it takes (not 404).
    let methodsByPath = Dictionary(grouping: servedRoutes, by: \.1).mapValues { $0.map(\.0) }
    for (path, methods) in methodsByPath {
      let allowed = methods.map(\.rawValue).sorted().joined(separator: ", ")
      for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch] where !methods.contains(method) {
        router.on(RouterPath(path), method: method) { _, _ -> Response in
          throw EngineError(.wrongMethod, "\(method.rawValue) is not allowed on \(path); use \(allowed)")
        }
      }
    }
    return router
  }

  /// Every route the router serves (method, path), from `RESTRouteTable`: for the 405 answers,
  /// the OpenAPI document and the tests.
  static let servedRoutes: [(HTTPRequest.Method, String)] = RESTRouteTable.all.map { ($0.method, $0.path) }
}

extension Caller {
  /// The caller of a REST request: its `Authorization` header.
  init(_ request: Request) {
    self.init(authorization: request.headers[.authorization])
  }
}

extension Request {
  /// `?symbols=BTC-USD,ETHUSDT&exchange=coinbase` as a coin filter.
  func coinFilter() throws(EngineError) -> CoinFilter {
    let symbols = uri.queryParameters.get("symbols")?.split(separator: ",").map(String.init) ?? []
    return CoinFilter(symbols: symbols, exchange: try exchangeFilter())
  }

  /// `?exchange=coinbase|binanceus`; nil when absent.
  func exchangeFilter() throws(EngineError) -> Exchange? {
    guard let name = uri.queryParameters.get("exchange"), !name.isEmpty else { return nil }
    guard let exchange = Exchange(rawValue: name.lowercased()) else {
      throw EngineError(.invalidArgument, "exchange '\(name)' is not one of: coinbase, binanceus")
    }
    return exchange
  }

  /// Whether a boolean query flag (`?name=true` or `?name=1`) is set.
  func flag(_ name: String) -> Bool {
    guard let value = uri.queryParameters.get(name)?.lowercased() else { return false }
    return value == "true" || value == "1" || value == "yes"
  }
}
